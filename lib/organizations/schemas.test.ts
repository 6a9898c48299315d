import { describe, expect, it } from "vitest";
import { fromZod } from "@/lib/errors";
import { SettingsInput } from "@/lib/integrations/lever/settings";
import { ChangeRoleInput, InviteInput, ProfileInput, SignUpInput } from "./schemas";

const messageOf = (r: { success: boolean; error?: unknown }) => (r.success ? null : fromZod(r.error as never).message);

describe("form input validation", () => {
  it.each([
    ["empty sign-up", SignUpInput, {}, /name/],
    ["short password", SignUpInput, { name: "A", email: "a@b.test", password: "short", organizationName: "X" }, /password: Use at least 10 characters/],
    ["bad email", SignUpInput, { name: "A", email: "nope", password: "long-enough-pw", organizationName: "X" }, /email/],
    ["too long name", ProfileInput, { name: "x".repeat(101) }, /under 100/],
    ["unknown field", ProfileInput, { name: "Ok", role: "OWNER" }, /Unrecognized key/i],
    ["wrong role", InviteInput, { email: "a@b.test", role: "GOD" }, /Owner, Admin or Recruiter/],
    ["missing membership", ChangeRoleInput, { role: "ADMIN" }, /membershipId/],
    ["settings with unknown field", SettingsInput, { connectionId: "c1", organizationId: "other" }, /Unrecognized key/i],
  ] as const)("%s gets a clear message", (_name, schema, input, expected) => {
    const message = messageOf(schema.safeParse(input));
    expect(message).toMatch(/^Invalid input: /);
    expect(message).toMatch(expected);
  });

  it("sign-up without an organization name needs an invitation", () => {
    expect(messageOf(SignUpInput.safeParse({ name: "A", email: "a@b.test", password: "long-enough-pw" }))).toMatch(/Name your organization/);
  });
});
