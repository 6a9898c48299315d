import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgContext } from "@/lib/auth/guard";
import { DEMO, seedDemo } from "@/lib/seed";
import type { AppError } from "@/lib/errors";
import { acceptInvitation, changeRole, findInvitation, invite, listTeam, removeMember, resendInvitation, revokeInvitation } from "@/lib/organizations/service";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";
import { makeOrg } from "@/tests/helpers/fixtures";

describe("team: owners, invitations and the demo organization", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.close();
  });

  const secondOwner = async (org: OrgContext, email: string): Promise<OrgContext> => {
    const user = await t.prisma.user.create({ data: { email } });
    await t.prisma.membership.create({ data: { organizationId: org.organizationId, userId: user.id, role: "OWNER" } });
    return { ...org, userId: user.id, userEmail: email };
  };
  const membershipOf = (org: OrgContext) => t.prisma.membership.findFirstOrThrow({ where: { organizationId: org.organizationId, userId: org.userId } });
  const owners = (org: OrgContext) => t.prisma.membership.count({ where: { organizationId: org.organizationId, role: "OWNER" } });

  it("two owners demoting each other at once leave one owner: the second finds it is no longer an owner", async () => {
    const a = await makeOrg(t.prisma, "Race", "OWNER");
    const b = await secondOwner(a, "second-owner@race.test");
    const [aMembership, bMembership] = [await membershipOf(a), await membershipOf(b)];
    const results = await Promise.allSettled([
      changeRole(t.prisma, a, { membershipId: bMembership.id, role: "ADMIN" }),
      changeRole(t.prisma, b, { membershipId: aMembership.id, role: "ADMIN" }),
    ]);
    expect(await owners(a)).toBe(1);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((refused.reason as AppError).status).toBe(403);
  });

  it("two owners removing each other at once leave one owner", async () => {
    const a = await makeOrg(t.prisma, "Race Two", "OWNER");
    const b = await secondOwner(a, "second-owner@race-two.test");
    const [aMembership, bMembership] = [await membershipOf(a), await membershipOf(b)];
    await Promise.allSettled([removeMember(t.prisma, a, bMembership.id), removeMember(t.prisma, b, aMembership.id)]);
    expect(await owners(a)).toBe(1);
  });

  it("an admin revokes a pending invitation: the link stops working; another organization's invitation is out of reach", async () => {
    const org = await makeOrg(t.prisma, "Inviting", "ADMIN");
    const other = await makeOrg(t.prisma, "Other", "ADMIN");
    const { url } = await invite(t.prisma, org, { email: "candidate-recruiter@inviting.test", role: "RECRUITER" });
    const token = url.split("/invite/")[1]!;
    const [pending] = (await listTeam(t.prisma, org)).invitations;
    expect(await findInvitation(t.prisma, token)).not.toBeNull();

    await expect(revokeInvitation(t.prisma, other, pending!.id)).rejects.toMatchObject({ status: 404 });
    expect(await findInvitation(t.prisma, token)).not.toBeNull();

    await revokeInvitation(t.prisma, org, pending!.id);
    expect(await findInvitation(t.prisma, token)).toBeNull();
    expect((await listTeam(t.prisma, org)).invitations).toEqual([]);
    const user = await t.prisma.user.create({ data: { email: "candidate-recruiter@inviting.test" } });
    await expect(acceptInvitation(t.prisma, user.id, user.email, token)).rejects.toMatchObject({ status: 400 });
    await expect(revokeInvitation(t.prisma, org, pending!.id)).rejects.toMatchObject({ status: 404 });
  });

  it("a new link for a pending invitation replaces the old one and runs another 7 days; other organizations and owner invitations by an admin are refused", async () => {
    const org = await makeOrg(t.prisma, "Resending", "ADMIN");
    const other = await makeOrg(t.prisma, "Elsewhere", "ADMIN");
    const first = (await invite(t.prisma, org, { email: "later@resending.test", role: "RECRUITER" })).url.split("/invite/")[1]!;
    const [pending] = (await listTeam(t.prisma, org)).invitations;
    await t.prisma.invitation.update({ where: { id: pending!.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await findInvitation(t.prisma, first)).toBeNull();

    await expect(resendInvitation(t.prisma, other, pending!.id)).rejects.toMatchObject({ status: 404 });
    const again = await resendInvitation(t.prisma, org, pending!.id);
    expect(again.email).toBe("later@resending.test");
    const second = again.url.split("/invite/")[1]!;
    expect(second).not.toBe(first);
    expect(await findInvitation(t.prisma, first)).toBeNull();
    const found = await findInvitation(t.prisma, second);
    expect(found?.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6.9 * 86400_000);
    expect(await t.prisma.auditLog.count({ where: { organizationId: org.organizationId, action: "member.invitation_resent" } })).toBe(1);

    const owners = await makeOrg(t.prisma, "Owners", "OWNER");
    await invite(t.prisma, owners, { email: "co-owner@owners.test", role: "OWNER" });
    const ownerInvite = (await listTeam(t.prisma, owners)).invitations[0]!;
    const admin = await t.prisma.user.create({ data: { email: "admin@owners.test" } });
    await t.prisma.membership.create({ data: { organizationId: owners.organizationId, userId: admin.id, role: "ADMIN" } });
    await expect(resendInvitation(t.prisma, { ...owners, userId: admin.id, userEmail: admin.email, role: "ADMIN" }, ownerInvite.id)).rejects.toMatchObject({ status: 403 });
  });

  it("the seeded demo admin is the owner, and a demo organization seeded without one gets it", async () => {
    expect(await seedDemo(t.prisma)).toEqual({ created: true });
    const demo = await t.prisma.organization.findUniqueOrThrow({ where: { slug: DEMO.slug } });
    const roleOf = async (email: string) => (await t.prisma.membership.findFirstOrThrow({ where: { organizationId: demo.id, user: { email } } })).role;
    expect(await roleOf(DEMO.admin)).toBe("OWNER");
    expect(await roleOf(DEMO.recruiter)).toBe("RECRUITER");

    // As an older version seeded it.
    await t.prisma.membership.updateMany({ where: { organizationId: demo.id, role: "OWNER" }, data: { role: "ADMIN" } });
    expect(await seedDemo(t.prisma)).toEqual({ created: false });
    expect(await roleOf(DEMO.admin)).toBe("OWNER");
  });
});
