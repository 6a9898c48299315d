import { audit } from "@/lib/audit";
import { createHash, randomBytes } from "node:crypto";
import type { z } from "zod";
import { config } from "@/lib/config";
import type { Prisma } from "@/lib/db/client";
import { badRequest, conflict, forbidden, notFound } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/auth/password";
import type { OrgContext } from "@/lib/auth/guard";
import { queueMail } from "@/lib/mail/outbox";
import { invitationMail } from "@/lib/mail/templates";
import type { ChangeRoleInput, InviteInput, SignUpInput } from "./schemas";

const INVITE_DAYS = 7;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

function slugify(name: string): string {
  const base = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "org";
  return `${base}-${randomBytes(3).toString("hex")}`;
}

/** Sign-up creates the user and either a new organization (as OWNER) or joins the inviting one. */
export async function signUp(prisma: Prisma, input: z.infer<typeof SignUpInput>): Promise<{ userId: string; organizationId: string }> {
  const existing = await prisma.user.findUnique({ where: { email: input.email } });
  if (existing) throw conflict("An account with this email already exists. Sign in instead.");
  const passwordHash = await hashPassword(input.password);
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email: input.email, name: input.name, passwordHash } });
    if (input.inviteToken) {
      const organizationId = await acceptInvitationTx(tx as unknown as Prisma, user.id, user.email, input.inviteToken);
      return { userId: user.id, organizationId };
    }
    const org = await tx.organization.create({ data: { name: input.organizationName!, slug: slugify(input.organizationName!) } });
    await tx.membership.create({ data: { organizationId: org.id, userId: user.id, role: "OWNER" } });
    await audit(tx, { organizationId: org.id, actorUserId: user.id, action: "organization.created", message: `${user.email} created ${org.name}` });
    return { userId: user.id, organizationId: org.id };
  });
}

export async function createOrganization(prisma: Prisma, userId: string, name: string) {
  return prisma.$transaction(async (tx) => {
    const org = await tx.organization.create({ data: { name, slug: slugify(name) } });
    await tx.membership.create({ data: { organizationId: org.id, userId, role: "OWNER" } });
    return org;
  });
}

function assertCanGrant(ctx: OrgContext, role: Role) {
  if (role === "OWNER" && ctx.role !== "OWNER") throw forbidden("Only owners can make someone an owner.");
}

export async function invite(prisma: Prisma, ctx: OrgContext, input: z.infer<typeof InviteInput>): Promise<{ url: string; email: string; emailed: boolean }> {
  assertCanGrant(ctx, input.role);
  const member = await prisma.membership.findFirst({ where: { organizationId: ctx.organizationId, user: { email: input.email } } });
  if (member) throw conflict(`${input.email} is already a member.`);
  const token = randomBytes(24).toString("base64url");
  const data = {
    role: input.role,
    tokenHash: hashToken(token),
    invitedById: ctx.userId,
    expiresAt: new Date(Date.now() + INVITE_DAYS * 86400_000),
    acceptedAt: null,
  };
  await prisma.invitation.upsert({
    where: { organizationId_email: { organizationId: ctx.organizationId, email: input.email } },
    update: data,
    create: { ...data, organizationId: ctx.organizationId, email: input.email },
  });
  await audit(prisma, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: "member.invited", message: `${ctx.userEmail} invited ${input.email} as ${input.role.toLowerCase()}` });
  const url = `${config().appUrl}/invite/${token}`;
  const emailed = await mailInvitation(prisma, ctx, { email: input.email, role: input.role, url });
  return { url, email: input.email, emailed };
}

/**
 * The link also goes by email (or, without SMTP, to the organization's outbox); the team page still
 * offers Copy link. True when it is on its way to the invitee's mailbox.
 */
async function mailInvitation(prisma: Prisma, ctx: OrgContext, invitation: { email: string; role: Role; url: string }): Promise<boolean> {
  const mail = invitationMail({ organizationName: ctx.organizationName, inviterEmail: ctx.userEmail, role: invitation.role, url: invitation.url, days: INVITE_DAYS });
  const { status } = await queueMail(prisma, { ...mail, kind: "invitation", to: invitation.email, organizationId: ctx.organizationId });
  return status === "QUEUED";
}

export async function findInvitation(prisma: Prisma, token: string) {
  const inv = await prisma.invitation.findUnique({ where: { tokenHash: hashToken(token) }, include: { organization: true } });
  if (!inv || inv.acceptedAt || inv.expiresAt < new Date()) return null;
  return inv;
}

async function acceptInvitationTx(prisma: Prisma, userId: string, email: string, token: string): Promise<string> {
  const inv = await findInvitation(prisma, token);
  if (!inv) throw badRequest("This invitation is invalid or has expired. Ask for a new one.");
  if (inv.email !== email.toLowerCase()) throw forbidden(`This invitation is for ${inv.email}. Sign in with that address.`);
  await prisma.membership.upsert({
    where: { organizationId_userId: { organizationId: inv.organizationId, userId } },
    update: {},
    create: { organizationId: inv.organizationId, userId, role: inv.role },
  });
  await prisma.invitation.update({ where: { id: inv.id }, data: { acceptedAt: new Date() } });
  await audit(prisma, { organizationId: inv.organizationId, actorUserId: userId, action: "member.joined", message: `${email} joined as ${inv.role.toLowerCase()}` });
  return inv.organizationId;
}

export async function acceptInvitation(prisma: Prisma, userId: string, email: string, token: string): Promise<string> {
  return prisma.$transaction((tx) => acceptInvitationTx(tx as unknown as Prisma, userId, email, token));
}

/** Members of the caller's organization only: another organization's membership id is 404. */
async function memberOf(prisma: Prisma, ctx: OrgContext, membershipId: string) {
  const m = await prisma.membership.findFirst({ where: { id: membershipId, organizationId: ctx.organizationId }, include: { user: true } });
  if (!m) throw notFound("Member not found");
  return m;
}

async function ownerCount(prisma: Prisma, organizationId: string) {
  return prisma.membership.count({ where: { organizationId, role: "OWNER" } });
}

/**
 * Role changes and removals of one organization run one at a time, under a lock on its row, and
 * re-read both memberships inside: two owners demoting each other at once used to both see two
 * owners and leave none. Now the second finds it is no longer an owner and is refused.
 */
async function inOrganizationLock<T>(prisma: Prisma, ctx: OrgContext, fn: (tx: Prisma, actorRole: Role) => Promise<T>): Promise<T> {
  return prisma.$transaction(async (txClient) => {
    const tx = txClient as unknown as Prisma;
    await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${ctx.organizationId} FOR UPDATE`;
    const actor = await tx.membership.findFirst({ where: { organizationId: ctx.organizationId, userId: ctx.userId } });
    if (!actor || (actor.role !== "OWNER" && actor.role !== "ADMIN")) throw forbidden("Only organization owners and admins can change the team.");
    return fn(tx, actor.role);
  });
}

export async function changeRole(prisma: Prisma, ctx: OrgContext, input: z.infer<typeof ChangeRoleInput>) {
  await inOrganizationLock(prisma, ctx, async (tx, actorRole) => {
    const m = await memberOf(tx, ctx, input.membershipId);
    assertCanGrant({ ...ctx, role: actorRole }, input.role);
    if (m.role === "OWNER" && actorRole !== "OWNER") throw forbidden("Only owners can change an owner's role.");
    if (m.role === "OWNER" && input.role !== "OWNER" && (await ownerCount(tx, ctx.organizationId)) <= 1) {
      throw badRequest("An organization needs at least one owner. Make someone else owner first.");
    }
    await tx.membership.update({ where: { id: m.id }, data: { role: input.role } });
    await audit(tx, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: "member.role_changed", message: `${ctx.userEmail} made ${m.user.email} ${input.role.toLowerCase()}` });
  });
}

export async function removeMember(prisma: Prisma, ctx: OrgContext, membershipId: string) {
  await inOrganizationLock(prisma, ctx, async (tx, actorRole) => {
    const m = await memberOf(tx, ctx, membershipId);
    if (m.role === "OWNER" && actorRole !== "OWNER") throw forbidden("Only owners can remove an owner.");
    if (m.role === "OWNER" && (await ownerCount(tx, ctx.organizationId)) <= 1) {
      throw badRequest("An organization needs at least one owner.");
    }
    await tx.membership.delete({ where: { id: m.id } });
    await audit(tx, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: "member.removed", message: `${ctx.userEmail} removed ${m.user.email}` });
  });
}

/** Withdraws a pending invitation: its link stops working at once. Another organization's is 404. */
export async function revokeInvitation(prisma: Prisma, ctx: OrgContext, invitationId: string) {
  const inv = await prisma.invitation.findFirst({ where: { id: invitationId, organizationId: ctx.organizationId, acceptedAt: null } });
  if (!inv) throw notFound("Invitation not found");
  await prisma.invitation.deleteMany({ where: { id: inv.id, organizationId: ctx.organizationId } });
  await audit(prisma, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: "member.invitation_revoked", message: `${ctx.userEmail} revoked the invitation of ${inv.email}` });
}

/**
 * A fresh link for a pending invitation (only a hash of the old one is kept, so it cannot be shown
 * again): the old link stops working and the new one is good for another INVITE_DAYS days.
 */
export async function resendInvitation(prisma: Prisma, ctx: OrgContext, invitationId: string): Promise<{ url: string; email: string; emailed: boolean }> {
  const inv = await prisma.invitation.findFirst({ where: { id: invitationId, organizationId: ctx.organizationId, acceptedAt: null } });
  if (!inv) throw notFound("Invitation not found");
  assertCanGrant(ctx, inv.role);
  const token = randomBytes(24).toString("base64url");
  await prisma.invitation.updateMany({
    where: { id: inv.id, organizationId: ctx.organizationId },
    data: { tokenHash: hashToken(token), invitedById: ctx.userId, expiresAt: new Date(Date.now() + INVITE_DAYS * 86400_000) },
  });
  await audit(prisma, { organizationId: ctx.organizationId, actorUserId: ctx.userId, action: "member.invitation_resent", message: `${ctx.userEmail} made a new invitation link for ${inv.email}` });
  const url = `${config().appUrl}/invite/${token}`;
  const emailed = await mailInvitation(prisma, ctx, { email: inv.email, role: inv.role, url });
  return { url, email: inv.email, emailed };
}

export async function listTeam(prisma: Prisma, ctx: OrgContext) {
  const [members, invitations] = await Promise.all([
    prisma.membership.findMany({ where: { organizationId: ctx.organizationId }, include: { user: true }, orderBy: { createdAt: "asc" } }),
    prisma.invitation.findMany({ where: { organizationId: ctx.organizationId, acceptedAt: null }, orderBy: { createdAt: "desc" } }),
  ]);
  return { members, invitations };
}
