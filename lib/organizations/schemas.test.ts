import { describe, expect, it } from "vitest";
import { fromZod } from "@/lib/errors";
import { SettingsInput } from "@/lib/connections/settings";
import { ChangeRoleInput, CreateOrganizationInput, InviteInput, ProfileInput, SignUpInput } from "./schemas";

const errorOf = (r: { success: boolean; error?: unknown }) => (r.success ? null : fromZod(r.error as never));
const messageOf = (r: { success: boolean; error?: unknown }) => errorOf(r)?.message ?? null;

describe("form input validation", () => {
  it.each([
    ["short password", SignUpInput, { name: "A", email: "a@b.test", password: "short", organizationName: "X" }, "Use at least 10 characters for your password."],
    ["bad email", SignUpInput, { name: "A", email: "nope", password: "long-enough-pw", organizationName: "X" }, "Enter a valid email address, like name@company.com."],
    ["too long name", ProfileInput, { name: "x".repeat(101) }, "Keep it under 100 characters."],
    ["blank name", ProfileInput, { name: "   " }, "Enter your name."],
    ["unknown field", ProfileInput, { name: "Ok", role: "OWNER" }, "Unexpected field: role."],
    ["wrong role", InviteInput, { email: "a@b.test", role: "GOD" }, "Choose Owner, Admin or Recruiter."],
    ["invite without email", InviteInput, { role: "ADMIN" }, "Enter the email address to invite."],
    ["missing membership", ChangeRoleInput, { role: "ADMIN" }, "Choose the membership."],
    ["no organization name", CreateOrganizationInput, {}, "Enter your organization's name."],
    ["settings with unknown field", SettingsInput, { connectionId: "c1", organizationId: "other" }, "Unexpected field: organizationId."],
  ] as const)("%s gets one plain message", (_name, schema, input, expected) => {
    expect(messageOf(schema.safeParse(input))).toBe(expected);
  });

  it("an empty sign-up names every field once, in the words of the form", () => {
    const error = errorOf(SignUpInput.safeParse({}));
    expect(error?.fieldErrors).toEqual({
      name: ["Enter your name"],
      email: ["Enter your email address"],
      password: ["Enter a password"],
      organizationName: ["Enter your organization's name"],
    });
    expect(error?.message).toBe("Enter your name. Enter your email address. Enter a password. Enter your organization's name.");
    expect(error?.message).not.toMatch(/Invalid input|expected string|received undefined/);
  });

  it("sign-up without an organization name needs an invitation", () => {
    expect(messageOf(SignUpInput.safeParse({ name: "A", email: "a@b.test", password: "long-enough-pw" }))).toBe("Enter your organization's name.");
    expect(SignUpInput.safeParse({ name: "A", email: "a@b.test", password: "long-enough-pw", inviteToken: "t".repeat(30) }).success).toBe(true);
  });

  it("emails are trimmed and lower-cased", () => {
    expect(InviteInput.parse({ email: "  Ada@Example.TEST ", role: "ADMIN" }).email).toBe("ada@example.test");
  });
});
