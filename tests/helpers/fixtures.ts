import { randomBytes } from "node:crypto";
import type { OrgContext } from "@/lib/auth/guard";
import { sealSecret } from "@/lib/crypto/secrets";
import type { Prisma } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

/** Rows that many tests need: an organization with a member, a Lever connection, a webhook subscription. */
export async function makeOrg(prisma: Prisma, name = "Org", role: Role = "OWNER"): Promise<OrgContext> {
  const suffix = randomBytes(4).toString("hex");
  const org = await prisma.organization.create({ data: { name, slug: `${name.toLowerCase().replace(/\W+/g, "-")}-${suffix}` } });
  const user = await prisma.user.create({ data: { email: `${role.toLowerCase()}-${suffix}@example.test`, name: `${name} ${role}` } });
  await prisma.membership.create({ data: { organizationId: org.id, userId: user.id, role } });
  return { userId: user.id, userEmail: user.email, organizationId: org.id, organizationName: org.name, role };
}

export async function makeConnection(
  prisma: Prisma,
  org: OrgContext,
  options: { externalAccountId?: string; status?: "ACTIVE" | "NEEDS_RECONNECT" | "DISCONNECTED"; accessToken?: string; refreshToken?: string } = {},
) {
  const externalAccountId = options.externalAccountId ?? `acct-${randomBytes(4).toString("hex")}`;
  const access = sealSecret(options.accessToken ?? "test-access-token");
  const refresh = sealSecret(options.refreshToken ?? "test-refresh-token");
  const status = options.status ?? "ACTIVE";
  return prisma.atsConnection.create({
    data: {
      organizationId: org.organizationId,
      environment: "SIMULATOR",
      externalAccountId,
      accountClaim: status === "DISCONNECTED" ? null : `lever:SIMULATOR:${externalAccountId}`,
      status,
      accessTokenEnc: access.ciphertext,
      refreshTokenEnc: refresh.ciphertext,
      tokenKeyId: access.keyId,
      accessTokenExpiresAt: new Date(Date.now() + 3600_000),
      refreshedAt: new Date(),
      connectedById: org.userId,
      settings: { create: { organizationId: org.organizationId } },
    },
  });
}

export async function makeSubscription(prisma: Prisma, connection: { id: string; organizationId: string }, event = "applicationCreated", signatureToken = randomBytes(24).toString("hex")) {
  const sealed = sealSecret(signatureToken);
  const row = await prisma.webhookSubscription.create({
    data: {
      organizationId: connection.organizationId,
      connectionId: connection.id,
      externalId: `wh-${randomBytes(4).toString("hex")}`,
      event,
      url: `http://localhost/api/webhooks/lever/${connection.id}`,
      signatureTokenEnc: sealed.ciphertext,
      tokenKeyId: sealed.keyId,
    },
  });
  return { ...row, signatureToken };
}
