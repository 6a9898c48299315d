import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as webhookRoute } from "@/app/api/webhooks/[provider]/[connectionId]/route";
import { greenhouse } from "@/lib/ats/providers/greenhouse";
import { authorizeWithSim, createConnection, startGreenhouseTestBed, type GreenhouseTestBed } from "@/lib/ats/providers/greenhouse/test-helpers";
import type { OrgContext } from "@/lib/auth/guard";
import { applySettings, manualWebhookSetup } from "@/lib/connections/settings";
import { connectionStatus } from "@/lib/connections/status";
import { processDelivery } from "@/lib/imports/deliveries";
import { referenceData, syncStagesAndReasons } from "@/lib/imports/reference";
import { startQueue, stopQueue } from "@/lib/jobs/queue";

/**
 * The second ATS through the same core: Greenhouse's web hooks are set up by hand, so Apply Changes
 * makes a signing secret per event, the admin enters URL and secrets on the simulator's admin page,
 * and a new application arrives signed through the one webhook route and is imported by the core.
 */
describe("Greenhouse through the core", () => {
  let bed: GreenhouseTestBed;
  let org: OrgContext;
  let connectionId: string;
  const prisma = () => bed.db.prisma;
  const deliveriesTo = async (url: string, init?: RequestInit) => {
    const { pathname } = new URL(url);
    const [, , , provider, connection] = pathname.split("/");
    return webhookRoute(new Request(url, init) as never, { params: Promise.resolve({ provider: provider!, connectionId: connection! }) });
  };

  beforeAll(async () => {
    bed = await startGreenhouseTestBed({ fetch: deliveriesTo as typeof fetch });
    await startQueue({ work: false });
    const created = await createConnection(bed.db, await authorizeWithSim(bed.sim));
    connectionId = created.connectionId;
    const user = await prisma().user.create({ data: { email: "admin@gh.test", name: "GH Admin" } });
    await prisma().membership.create({ data: { organizationId: created.organizationId, userId: user.id, role: "ADMIN" } });
    org = { userId: user.id, userEmail: user.email, organizationId: created.organizationId, organizationName: "GH", role: "ADMIN" };
  });
  afterAll(async () => {
    await stopQueue();
    await bed.close();
  });

  it("Apply Changes makes one secret per event, shown only to admins; the ATS's signed delivery is imported once", async () => {
    await applySettings(org, { connectionId, autoGenerateJobs: true, autoImportCandidates: true, postResults: false, updateStages: false });
    const setup = await manualWebhookSetup(org, connectionId);
    expect(setup.url).toMatch(new RegExp(`/api/webhooks/greenhouse/${connectionId}$`));
    expect(setup.hooks.map((h) => h.event).sort()).toEqual([...greenhouse.webhookEvents].sort());
    expect(new Set(setup.hooks.map((h) => h.secret)).size).toBe(setup.hooks.length);
    // In the order the app subscribes, named as Greenhouse's form names them, with where that form is.
    expect(setup.hooks.map((h) => h.event)).toEqual([...greenhouse.webhookEvents]);
    expect(setup.hooks[0]!.label).toBe("Candidate has submitted application");
    expect(setup.place).toBe("Configure → Dev Center → Web Hooks");
    expect(await connectionStatus(org.organizationId)).toMatchObject({ webhookRegistration: "manual", webhooksRegistered: true, lastTestAt: null, lastEventAt: null });
    await expect(manualWebhookSetup({ ...org, role: "RECRUITER" }, connectionId)).rejects.toMatchObject({ status: 403 });
    // A second Apply Changes keeps the secrets the admin already entered.
    await applySettings(org, { connectionId, autoGenerateJobs: true, autoImportCandidates: true, postResults: false, updateStages: false });
    expect((await manualWebhookSetup(org, connectionId)).hooks).toEqual(setup.hooks);

    // The admin's step in Greenhouse: one web hook per event with the app's URL and that event's secret.
    const accountId = bed.sim.state().accounts[0]!.id;
    for (const hook of setup.hooks) {
      const form = new URLSearchParams({ account_id: String(accountId), name: `Screening ${hook.event}`, event: hook.event, url: setup.url, secret: hook.secret, error_email: "admin@gh.test" });
      const saved = await bed.sim.handle(new Request(`${bed.sim.baseUrl}/admin/web_hooks`, { method: "POST", body: form, headers: { "content-type": "application/x-www-form-urlencoded" } }));
      expect(saved.ok).toBe(true);
    }

    // Each save pinged the app: Settings → ATS says the pings arrived and no real event yet.
    const pinged = await connectionStatus(org.organizationId);
    expect(pinged.lastTestAt).not.toBeNull();
    expect(pinged.lastEventAt).toBeNull();

    const job = (await greenhouse.session({ id: connectionId, organizationId: org.organizationId }).listJobs({ states: ["published"], limit: 1 })).items[0]!;
    const added = await bed.sim.addApplication({ jobId: job.externalId, name: "Katherine Johnson", email: "katherine.johnson@example.com" });
    const deliveries = await prisma().webhookDelivery.findMany({ where: { connectionId, status: "RECEIVED" } });
    expect(deliveries.map((d) => d.externalCandidateId)).toContain(String(added.applicationId));
    for (const d of deliveries) await processDelivery(d.id);
    const receiving = await connectionStatus(org.organizationId);
    expect(receiving.lastEventAt).not.toBeNull();
    // Once real events arrive the ping no longer matters, and is not read.
    expect(receiving.lastTestAt).toBeNull();
    const candidates = await prisma().candidate.findMany({ where: { organizationId: org.organizationId, provider: "GREENHOUSE", externalId: String(added.applicationId) } });
    expect(candidates).toHaveLength(1);
    expect(candidates[0]!.name).toBe("Katherine Johnson");
  });

  it("Settings → ATS lists the connected Greenhouse's stages and reasons, not those an earlier Lever connection left", async () => {
    const lever = await prisma().atsConnection.create({
      data: { organizationId: org.organizationId, provider: "LEVER", environment: "SIMULATOR", externalAccountId: "old-lever", status: "DISCONNECTED" },
    });
    await prisma().stage.create({ data: { organizationId: org.organizationId, connectionId: lever.id, provider: "LEVER", externalId: "lever-stage", text: "Lever-only stage" } });
    await prisma().archiveReason.create({
      data: { organizationId: org.organizationId, connectionId: lever.id, provider: "LEVER", externalId: "lever-reason", text: "Lever-only reason", type: "non-hired", active: true },
    });
    await syncStagesAndReasons({ id: connectionId, organizationId: org.organizationId });
    const data = (await referenceData(org.organizationId))!;
    expect(data.stages.length).toBeGreaterThan(0);
    expect(data.rejectionReasons.length).toBeGreaterThan(0);
    expect(data.stages.map((s) => s.text)).not.toContain("Lever-only stage");
    expect(data.rejectionReasons.map((r) => r.text)).not.toContain("Lever-only reason");
  });
});
