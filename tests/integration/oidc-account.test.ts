import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accountAdapter } from "@/lib/auth/adapter";
import { createTestDatabase, type TestDatabase } from "@/tests/helpers/db";

/** Company sign-in links the provider's account to the user without keeping the provider's tokens. */
describe("OIDC accounts", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.close();
  });

  it("linking an account stores no access, refresh or ID token, and the link still finds the user", async () => {
    const adapter = accountAdapter(t.prisma);
    const user = await t.prisma.user.create({ data: { email: "sso@example.test" } });
    await adapter.linkAccount!({
      userId: user.id,
      type: "oidc",
      provider: "oidc",
      providerAccountId: "idp-123",
      access_token: "idp-access-token-value",
      refresh_token: "idp-refresh-token-value",
      id_token: "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJpZHAtMTIzIn0.c2ln",
      token_type: "bearer",
      expires_at: 1_900_000_000,
      scope: "openid email",
    });
    const row = await t.prisma.account.findUniqueOrThrow({ where: { provider_providerAccountId: { provider: "oidc", providerAccountId: "idp-123" } } });
    expect(row).toMatchObject({ access_token: null, refresh_token: null, id_token: null, userId: user.id });
    expect(JSON.stringify(row)).not.toMatch(/idp-(access|refresh)-token|eyJ/);
    expect((await adapter.getUserByAccount!({ provider: "oidc", providerAccountId: "idp-123" }))?.id).toBe(user.id);
  });
});
