import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Prisma reads `where: { organizationId: undefined }` as "no filter", which would turn a tenant-scoped
 * bulk query into one over every organization. Refuse bulk operations whose where clause is missing,
 * empty, or holds an undefined value at its top level.
 */
const GUARDED = new Set(["findMany", "updateMany", "updateManyAndReturn", "deleteMany", "count", "aggregate", "groupBy", "findFirst"]);
// Tables that are not tenant rows or are meant to be scanned across organizations by the system.
const UNSCOPED_MODELS = new Set(["OAuthState", "RateLimitBucket", "SignInThrottle", "RevokedSession", "VerificationToken", "Session", "Account", "User"]);

export class UnsafeQueryError extends Error {}

export function checkWhere(model: string, operation: string, args: unknown): void {
  if (!GUARDED.has(operation) || UNSCOPED_MODELS.has(model)) return;
  const where = (args as { where?: Record<string, unknown> } | undefined)?.where;
  if (!where || Object.keys(where).length === 0) {
    throw new UnsafeQueryError(`${model}.${operation} needs a where clause`);
  }
  for (const [key, value] of Object.entries(where)) {
    if (value === undefined) throw new UnsafeQueryError(`${model}.${operation}: where.${key} is undefined`);
  }
}

export function withTenantGuard(client: PrismaClient) {
  return client.$extends({
    name: "tenant-guard",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          checkWhere(model, operation, args);
          return query(args);
        },
      },
    },
  });
}
