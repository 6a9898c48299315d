import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/context";
import { isAdminRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { AppError, forbidden, fromZod, notFound } from "@/lib/errors";
import { isOwnId } from "@/lib/ids";

/**
 * Read-only API tokens of an organization, created by its admins. A token is `scr_` and 32 random
 * bytes (base64url); only its SHA-256 is stored, so a database leak gives no usable token, and the
 * token is shown once, when created. Its first characters (the prefix) name it in the list and find
 * the row; the hashes are then compared in constant time.
 */

const TOKEN_PREFIX = "scr_";
const PREFIX_LENGTH = TOKEN_PREFIX.length + 8;
export const MAX_TOKEN_NAME = 80;
// lastUsedAt is a hint for admins, not a log: written at most once a minute per token.
const LAST_USED_EVERY_MS = 60_000;

const hashOf = (token: string) => createHash("sha256").update(token).digest();

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

function requireAdmin(org: OrgContext) {
  if (!isAdminRole(org.role)) throw forbidden(`Only organization owners and admins can manage API tokens. Ask an admin of ${org.organizationName}.`);
}

const CreateInput = z.object({
  name: z
    .string({ error: "Name the token (what will use it)" })
    .transform((s) => s.replace(/\s+/g, " ").trim())
    .pipe(z.string().min(2, { error: "Name the token in at least 2 characters" }).max(MAX_TOKEN_NAME, { error: `Keep the name under ${MAX_TOKEN_NAME} characters` })),
});

/** Creates a token; the only time its value is returned. */
export async function createApiToken(org: OrgContext, input: unknown): Promise<{ token: string; apiToken: ApiTokenView }> {
  requireAdmin(org);
  const parsed = CreateInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const prisma = await db();
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const prefix = token.slice(0, PREFIX_LENGTH);
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.apiToken.create({
      data: { organizationId: org.organizationId, name: parsed.data.name, prefix, tokenHash: hashOf(token).toString("hex"), createdById: org.userId },
    });
    await audit(tx, {
      organizationId: org.organizationId,
      actorUserId: org.userId,
      action: "api_token.created",
      message: `${org.userEmail} created the read-only API token “${created.name}” (${prefix}…)`,
      details: { apiTokenId: created.id, prefix },
    });
    return created;
  });
  return { token, apiToken: { id: row.id, name: row.name, prefix: row.prefix, createdAt: row.createdAt, createdBy: org.userEmail, lastUsedAt: null, revokedAt: null } };
}

export async function listApiTokens(org: OrgContext): Promise<ApiTokenView[]> {
  requireAdmin(org);
  const prisma = await db();
  const rows = await prisma.apiToken.findMany({ where: { organizationId: org.organizationId }, orderBy: { createdAt: "desc" } });
  const creators = await prisma.user.findMany({ where: { id: { in: rows.flatMap((r) => (r.createdById ? [r.createdById] : [])) } }, select: { id: true, name: true, email: true } });
  const nameOf = new Map(creators.map((u) => [u.id, u.name ?? u.email] as const));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.createdAt,
    createdBy: r.createdById ? (nameOf.get(r.createdById) ?? null) : null,
    lastUsedAt: r.lastUsedAt,
    revokedAt: r.revokedAt,
  }));
}

export async function revokeApiToken(org: OrgContext, tokenId: string): Promise<void> {
  requireAdmin(org);
  const prisma = await db();
  const row = isOwnId(tokenId) ? await prisma.apiToken.findFirst({ where: { id: tokenId, organizationId: org.organizationId } }) : null;
  if (!row) throw notFound("API token not found");
  if (row.revokedAt) return;
  await prisma.$transaction(async (tx) => {
    await tx.apiToken.updateMany({ where: { id: row.id, organizationId: org.organizationId, revokedAt: null }, data: { revokedAt: new Date(), revokedById: org.userId } });
    await audit(tx, {
      organizationId: org.organizationId,
      actorUserId: org.userId,
      action: "api_token.revoked",
      message: `${org.userEmail} revoked the API token “${row.name}” (${row.prefix}…)`,
      details: { apiTokenId: row.id, prefix: row.prefix },
    });
  });
}

const unauthorizedToken = (message: string) => new AppError(401, "unauthorized", message);

/**
 * The organization an `Authorization: Bearer <token>` header speaks for. Missing, unknown and revoked
 * tokens are 401s with a plain sentence; the token itself is never logged or echoed.
 */
export async function organizationOfToken(authorization: string | null, now = new Date()): Promise<{ organizationId: string; apiTokenId: string }> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) throw unauthorizedToken("Send an API token as the Authorization header: Bearer <token>. Admins create tokens in Settings → API tokens.");
  const token = match[1]!;
  const wanted = hashOf(token);
  const prisma = await db();
  const row = token.startsWith(TOKEN_PREFIX) && token.length > PREFIX_LENGTH ? await prisma.apiToken.findUnique({ where: { prefix: token.slice(0, PREFIX_LENGTH) } }) : null;
  if (!row || !timingSafeEqual(Buffer.from(row.tokenHash, "hex"), wanted)) throw unauthorizedToken("This API token is not valid. Check that it was copied whole.");
  if (row.revokedAt) throw unauthorizedToken("This API token was revoked. Ask an admin of the organization for a new one.");
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_EVERY_MS) {
    await prisma.apiToken.updateMany({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { organizationId: row.organizationId, apiTokenId: row.id };
}
