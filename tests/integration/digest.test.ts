import { NextRequest } from "next/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as digestRoute } from "@/app/api/profile/digest/route";
import type { OrgContext } from "@/lib/auth/guard";
import { config } from "@/lib/config";
import { setRuntimeForTests, type Prisma } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { sendDigests } from "@/lib/notifications/digest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { makeOrg } from "../helpers/fixtures";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/index", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

type Route = (req: NextRequest, ctx: { params: Promise<never> }) => Promise<Response>;
const post = async (as: OrgContext, body: string, headers: Record<string, string> = { "content-type": "application/json", origin: "http://localhost" }) => {
  session.userId = as.userId;
  const res = await (digestRoute as Route)(new NextRequest("http://localhost/api/profile/digest", { method: "POST", body, headers }), { params: Promise.resolve({}) as Promise<never> });
  return { status: res.status, json: (await res.json()) as { enabled?: boolean; error?: { message: string } } };
};

/**
 * The daily digest: one email a day per member with unread notifications since their last one, only
 * what the member may still see in that organization, never for a member who turned it off.
 */
describe("daily digest", () => {
  let t: TestDatabase;
  let admin: OrgContext;
  let recruiter: OrgContext;
  let beta: OrgContext;
  let openJob: { id: string; title: string };
  let confidentialJob: { id: string; title: string };
  let betaJob: { id: string; title: string };
  let keys = 0;
  const prisma = () => t.prisma;
  const day1 = new Date("2026-03-02T07:00:00Z");
  const day1Later = new Date("2026-03-02T07:05:00Z");
  const day2 = new Date("2026-03-03T07:00:00Z");

  const addMember = async (org: OrgContext, role: Role, email: string): Promise<OrgContext> => {
    const user = await prisma().user.create({ data: { email, name: email.split("@")[0] } });
    await prisma().membership.create({ data: { organizationId: org.organizationId, userId: user.id, role } });
    return { ...org, userId: user.id, userEmail: email, role };
  };
  const makeJob = (org: OrgContext, externalId: string, title: string, confidential = false) =>
    prisma().job.create({ data: { organizationId: org.organizationId, provider: "LEVER", externalId, title, confidential, importedVia: "MANUAL" }, select: { id: true, title: true } });
  const notify = (user: OrgContext, title: string, at: Date, job?: { id: string }) =>
    prisma().notification.create({
      data: { organizationId: user.organizationId, userId: user.userId, kind: "NEW_APPLICANTS", title, link: job ? `/jobs/${job.id}` : null, jobId: job?.id ?? null, dedupeKey: `k${++keys}`, lastEventAt: at, createdAt: at },
    });
  const digestsTo = (user: OrgContext) => prisma().outboxMessage.findMany({ where: { userId: user.userId, kind: "digest" }, orderBy: { createdAt: "asc" } });

  /** sendDigests with the app's client showing each query it makes to `see` first (which may throw). */
  const sendDigestsSeeing = async (now: Date, see: (query: { model?: string; operation: string }) => void) => {
    const seeing = t.prisma.$extends({
      query: {
        async $allOperations({ model, operation, args, query }) {
          see({ model, operation });
          return query(args);
        },
      },
    });
    setRuntimeForTests({ database: t.database, prisma: seeing as unknown as Prisma });
    try {
      return await sendDigests(now);
    } finally {
      setRuntimeForTests({ database: t.database, prisma: t.prisma });
    }
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    admin = await makeOrg(t.prisma, "Acme Recruiting", "OWNER");
    recruiter = await addMember(admin, "RECRUITER", "recruiter@acme.test");
    beta = await makeOrg(t.prisma, "Beta", "OWNER");
    openJob = await makeJob(admin, "posting-1", "Senior Backend Engineer");
    confidentialJob = await makeJob(admin, "posting-2", "Head of People", true);
    betaJob = await makeJob(beta, "posting-1", "Beta Secret Role");
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    await prisma().notification.deleteMany({ where: { id: { not: "" } } });
    await prisma().outboxMessage.deleteMany({ where: { id: { not: "" } } });
    await prisma().membership.updateMany({ where: { id: { not: "" } }, data: { digestEmail: true, digestSentAt: null } });
  });

  it("queues one email into the outbox listing the unread notifications with absolute links and how to stop", async () => {
    const before = new Date("2026-03-01T10:00:00Z");
    await notify(recruiter, "3 new applicants on Senior Backend Engineer", before, openJob);
    await notify(recruiter, "Import from Lever finished", before);
    await notify(recruiter, "Already read", before, openJob).then((n) => prisma().notification.update({ where: { id: n.id }, data: { readAt: before } }));

    expect(await sendDigests(day1)).toEqual({ sent: 1 });
    const [mail] = (await digestsTo(recruiter)) as [Awaited<ReturnType<typeof digestsTo>>[number]];
    const app = config().appUrl;
    expect(mail).toMatchObject({ to: "recruiter@acme.test", organizationId: admin.organizationId, status: "KEPT", subject: "2 updates in Acme Recruiting" });
    expect(mail.text).toContain(`3 new applicants on Senior Backend Engineer\n${app}/jobs/${openJob.id}`);
    expect(mail.text).toContain("Import from Lever finished");
    expect(mail.text).not.toContain("Already read");
    expect(mail.text).toContain(`turn off "Email me a daily digest" in your profile:\n${app}/settings/profile`);
    expect(mail.html).toContain(`<a href="${app}/jobs/${openJob.id}">`);
    // The owner had nothing unread: no email.
    expect(await digestsTo(admin)).toEqual([]);
  });

  it("sends nothing twice the same day, and the next day only what is new since", async () => {
    await notify(recruiter, "New applicant on Senior Backend Engineer", new Date("2026-03-01T10:00:00Z"), openJob);
    expect(await sendDigests(day1)).toEqual({ sent: 1 });
    // A retried or duplicated job the same day, even with something new in the meantime.
    await notify(recruiter, "Import from Lever finished", new Date("2026-03-02T07:01:00Z"));
    expect(await sendDigests(day1Later)).toEqual({ sent: 0 });
    expect(await sendDigests(day1)).toEqual({ sent: 0 });
    expect(await digestsTo(recruiter)).toHaveLength(1);

    expect(await sendDigests(day2)).toEqual({ sent: 1 });
    const mails = await digestsTo(recruiter);
    expect(mails).toHaveLength(2);
    const second = mails[1]!;
    expect(second.subject).toBe("1 update in Acme Recruiting");
    expect(second.text).toContain("Import from Lever finished");
    expect(second.text).not.toContain("New applicant on Senior Backend Engineer");
    // Nothing new since: no email on the third day, though the old ones are still unread.
    expect(await sendDigests(new Date("2026-03-04T07:00:00Z"))).toEqual({ sent: 0 });
  });

  it("sends nothing to a member who turned the digest off, and again once turned on", async () => {
    await notify(recruiter, "New applicant on Senior Backend Engineer", new Date("2026-03-01T10:00:00Z"), openJob);
    expect(await post(recruiter, JSON.stringify({ enabled: false }))).toEqual({ status: 200, json: { enabled: false } });
    expect(await sendDigests(day1)).toEqual({ sent: 0 });
    expect(await digestsTo(recruiter)).toEqual([]);

    expect(await post(recruiter, JSON.stringify({ enabled: true }))).toEqual({ status: 200, json: { enabled: true } });
    expect(await sendDigests(day1)).toEqual({ sent: 1 });
  });

  it("leaves out a notification about a confidential job the member can no longer see", async () => {
    await notify(recruiter, "New applicant on Head of People", new Date("2026-03-01T10:00:00Z"), confidentialJob);
    expect(await sendDigests(day1)).toEqual({ sent: 0 });

    await notify(recruiter, "New applicant on Senior Backend Engineer", new Date("2026-03-01T11:00:00Z"), openJob);
    expect(await sendDigests(day1)).toEqual({ sent: 1 });
    const [mail] = (await digestsTo(recruiter)) as [Awaited<ReturnType<typeof digestsTo>>[number]];
    expect(mail.subject).toBe("1 update in Acme Recruiting");
    expect(mail.text).not.toContain("Head of People");
  });

  it("keeps each organization's notifications to its own digest", async () => {
    // A user in both organizations gets one digest per organization, each with only its own.
    const both = await addMember(beta, "RECRUITER", "both@example.test");
    const bothInAcme = { ...admin, userId: both.userId, userEmail: both.userEmail, role: "RECRUITER" as const };
    await prisma().membership.create({ data: { organizationId: admin.organizationId, userId: both.userId, role: "RECRUITER" } });
    await notify(both, "New applicant on Beta Secret Role", new Date("2026-03-01T10:00:00Z"), betaJob);
    await notify(bothInAcme, "New applicant on Senior Backend Engineer", new Date("2026-03-01T10:00:00Z"), openJob);

    expect(await sendDigests(day1)).toEqual({ sent: 2 });
    const mails = await digestsTo(both);
    const acme = mails.find((m) => m.organizationId === admin.organizationId)!;
    const betaMail = mails.find((m) => m.organizationId === beta.organizationId)!;
    expect(acme.subject).toBe("1 update in Acme Recruiting");
    expect(acme.text).not.toContain("Beta Secret Role");
    expect(betaMail.subject).toBe("1 update in Beta");
    expect(betaMail.text).not.toContain("Senior Backend Engineer");
  });

  it("handles many members in the same few queries as a few, each digest with only what its member may see", async () => {
    const counted = async (now: Date) => {
      let queries = 0;
      const result = await sendDigestsSeeing(now, () => {
        queries++;
      });
      return { ...result, queries };
    };
    // Per organization: the first member was granted the confidential job, the others were not.
    const team = async (tag: string, size: number) => {
      const members: OrgContext[] = [];
      for (const org of [admin, beta]) {
        for (let i = 0; i < size; i++) members.push(await addMember(org, "RECRUITER", `${tag}-${i}@${org.organizationName.split(" ")[0]!.toLowerCase()}.test`));
      }
      const acme = members.filter((m) => m.organizationId === admin.organizationId);
      await prisma().jobAccess.create({ data: { organizationId: admin.organizationId, jobId: confidentialJob.id, userId: acme[0]!.userId } });
      for (const m of members) {
        const inAcme = m.organizationId === admin.organizationId;
        await notify(m, `For ${m.userEmail}`, new Date("2026-03-01T10:00:00Z"), inAcme ? openJob : betaJob);
        if (inAcme) await notify(m, `Confidential for ${m.userEmail}`, new Date("2026-03-01T11:00:00Z"), confidentialJob);
      }
      return members;
    };
    const expectOwnDigests = async (members: OrgContext[], everyone: OrgContext[], granted: string) => {
      for (const m of members) {
        const [mail, ...more] = await digestsTo(m);
        expect(more).toEqual([]);
        expect(mail!.organizationId).toBe(m.organizationId);
        expect(mail!.text).toContain(`For ${m.userEmail}`);
        for (const other of everyone.filter((o) => o !== m)) expect(mail!.text).not.toContain(`For ${other.userEmail}`);
        const sees = m.userEmail === granted;
        expect(mail!.subject).toBe(`${sees ? 2 : 1} ${sees ? "updates" : "update"} in ${m.organizationName}`);
        expect(mail!.text.includes(`Confidential for ${m.userEmail}`)).toBe(sees);
      }
    };

    const few = await team("few", 2);
    const first = await counted(day1);
    expect(first.sent).toBe(4);
    await expectOwnDigests(few, few, "few-0@acme.test");

    const many = await team("many", 6);
    const second = await counted(day2);
    // The first four have nothing new since their digest: only the twelve new members get one.
    expect(second.sent).toBe(12);
    expect(second.queries).toBe(first.queries);
    await expectOwnDigests(many, [...few, ...many], "many-0@acme.test");
  });

  it("mail that cannot be recorded claims nobody, so the job's retry sends every digest", async () => {
    await notify(recruiter, "New applicant on Senior Backend Engineer", new Date("2026-03-01T10:00:00Z"), openJob);
    await notify(beta, "Import from Lever finished", new Date("2026-03-01T10:00:00Z"));
    const failing = sendDigestsSeeing(day1, ({ model, operation }) => {
      if (model === "OutboxMessage" && operation.startsWith("create")) throw new Error("disk full");
    });
    await expect(failing).rejects.toThrow("disk full");
    expect(await prisma().outboxMessage.count({ where: { kind: "digest" } })).toBe(0);
    expect(await prisma().membership.count({ where: { digestSentAt: { not: null } } })).toBe(0);

    expect(await sendDigests(day1)).toEqual({ sent: 2 });
  });

  it("refuses a bad setting or a cross-site request in plain words and changes nothing", async () => {
    const setting = async () => (await prisma().membership.findFirstOrThrow({ where: { userId: recruiter.userId, organizationId: recruiter.organizationId } })).digestEmail;
    const bad = await post(recruiter, JSON.stringify({ enabled: "no" }));
    expect(bad.status).toBe(400);
    expect(bad.json.error?.message).toMatch(/enabled: true or enabled: false/);
    expect((await post(recruiter, JSON.stringify({ enabled: false, extra: 1 }))).status).toBe(400);
    expect((await post(recruiter, JSON.stringify({ enabled: false }), { "content-type": "text/plain", origin: "http://localhost" })).status).toBe(415);
    expect((await post(recruiter, JSON.stringify({ enabled: false }), { "content-type": "application/json", origin: "https://evil.example" })).status).toBe(403);
    expect(await setting()).toBe(true);
  });
});
