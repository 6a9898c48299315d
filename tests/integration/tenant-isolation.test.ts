import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import { retryDelivery } from "@/lib/connections/activity";
import { disconnect } from "@/lib/connections/connect";
import { applySettings } from "@/lib/connections/settings";
import { connectionStatus } from "@/lib/connections/status";
import { changeRole, invite, listTeam, removeMember } from "@/lib/organizations/service";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { makeConnection, makeOrg } from "@/tests/helpers/fixtures";

async function expectNotFound(p: Promise<unknown>) {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(404);
}

/** A member of organization B tries organization A's ids everywhere: 404, and nothing read or changed. */
describe("tenant isolation", () => {
  let t: TestDatabase;
  let a: OrgContext;
  let b: OrgContext;
  let aConnection: { id: string };
  let aRecruiterMembership: string;
  let aDelivery: string;

  beforeAll(async () => {
    t = await createTestDatabase();
    a = await makeOrg(t.prisma, "Alpha", "OWNER");
    b = await makeOrg(t.prisma, "Beta", "OWNER");
    aConnection = await makeConnection(t.prisma, a);
    const recruiter = await t.prisma.user.create({ data: { email: "rita@alpha.test" } });
    aRecruiterMembership = (await t.prisma.membership.create({ data: { organizationId: a.organizationId, userId: recruiter.id, role: "RECRUITER" } })).id;
    aDelivery = (
      await t.prisma.webhookDelivery.create({
        data: { organizationId: a.organizationId, connectionId: aConnection.id, token: "tok-a", event: "applicationCreated", triggeredAt: new Date(), status: "FAILED" },
      })
    ).id;
  });
  afterAll(() => t.close());

  it("team: another organization's membership ids are 404 and unchanged", async () => {
    await expectNotFound(changeRole(t.prisma, b, { membershipId: aRecruiterMembership, role: "ADMIN" }));
    await expectNotFound(removeMember(t.prisma, b, aRecruiterMembership));
    const m = await t.prisma.membership.findUniqueOrThrow({ where: { id: aRecruiterMembership } });
    expect(m.role).toBe("RECRUITER");
    const team = await listTeam(t.prisma, b);
    expect(team.members.every((x) => x.organizationId === b.organizationId)).toBe(true);
  });

  it("an invitation is created in the inviter's organization only", async () => {
    await invite(t.prisma, b, { email: "new@beta.test", role: "RECRUITER" });
    expect(await t.prisma.invitation.count({ where: { organizationId: a.organizationId } })).toBe(0);
  });

  it("Lever connection: settings, disconnect, status and retries of another organization are out of reach", async () => {
    await expectNotFound(applySettings(b, { connectionId: aConnection.id, autoGenerateJobs: true, autoImportCandidates: true, postResults: true, updateStages: true }));
    await expectNotFound(disconnect(b, aConnection.id));
    await expectNotFound(retryDelivery(b, aDelivery));
    const conn = await t.prisma.atsConnection.findUniqueOrThrow({ where: { id: aConnection.id }, include: { settings: true } });
    expect(conn.status).toBe("ACTIVE");
    expect(conn.settings?.autoGenerateJobs).toBe(false);
    expect((await t.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: aDelivery } })).status).toBe("FAILED");
    expect((await connectionStatus(b.organizationId)).connected).toBe(false);
  });

  it("roles: an admin cannot make an owner, and the last owner cannot be demoted", async () => {
    // Roles are read from the database inside the change, so the admin is a real member.
    const adminUser = await t.prisma.user.create({ data: { email: `admin-${Date.now()}@a.test` } });
    await t.prisma.membership.create({ data: { organizationId: a.organizationId, userId: adminUser.id, role: "ADMIN" } });
    const admin: OrgContext = { ...a, userId: adminUser.id, userEmail: adminUser.email, role: "ADMIN" };
    const error = await changeRole(t.prisma, admin, { membershipId: aRecruiterMembership, role: "OWNER" }).catch((e: unknown) => e);
    expect((error as AppError).status).toBe(403);
    const owner = await t.prisma.membership.findFirstOrThrow({ where: { organizationId: a.organizationId, role: "OWNER" } });
    const last = await changeRole(t.prisma, a, { membershipId: owner.id, role: "ADMIN" }).catch((e: unknown) => e);
    expect((last as AppError).status).toBe(400);
  });
});
