import { z } from "zod";
import { isCommonPassword } from "@/lib/auth/common-passwords";

// Each field says what to do in its own words; anything else zod finds is worded by lib/errors.
const emailField = (missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .pipe(z.email({ error: "Enter a valid email address, like name@company.com" }).max(320, { error: "Use an email address of at most 320 characters" }))
    .transform((e) => e.toLowerCase());
const email = emailField("Enter your email address");
const text = (missing: string) =>
  z.string({ error: missing }).trim().min(1, { error: missing }).max(100, { error: "Keep it under 100 characters" });
const name = text("Enter your name");
const organizationName = text("Enter your organization's name");
const password = z
  .string({ error: "Enter a password" })
  .min(10, { error: "Use at least 10 characters for your password" })
  .max(200, { error: "Keep your password under 200 characters" })
  .refine((p) => !isCommonPassword(p), { error: "This password is too common or easy to guess. Choose another" });

export const RoleInput = z.enum(["OWNER", "ADMIN", "RECRUITER"], { error: "Choose Owner, Admin or Recruiter" });

export const SignUpInput = z
  .object({
    name,
    email,
    password,
    organizationName: organizationName.optional(),
    inviteToken: z.string({ error: "This invitation link is incomplete" }).min(20, { error: "This invitation link is incomplete" }).max(100, { error: "This invitation link is not valid" }).optional(),
  })
  .strict()
  .refine((v) => v.organizationName || v.inviteToken, {
    error: "Enter your organization's name",
    path: ["organizationName"],
    // Also when other fields are wrong, so every missing field is named at once.
    when: (payload) => typeof payload.value === "object" && payload.value !== null,
  });

export const InviteInput = z.object({ email: emailField("Enter the email address to invite"), role: RoleInput }).strict();
export const ChangeRoleInput = z.object({ membershipId: z.string().min(1).max(50), role: RoleInput }).strict();
export const MembershipIdInput = z.object({ membershipId: z.string().min(1).max(50) }).strict();
export const InvitationIdInput = z.object({ invitationId: z.string().min(1).max(50) }).strict();
export const ProfileInput = z.object({ name }).strict();
export const ChangePasswordInput = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).min(1, { error: "Enter your current password" }).max(200, { error: "That is not your current password" }),
    newPassword: password,
  })
  .strict();
export const ForgotPasswordInput = z.object({ email }).strict();
export const ResetPasswordInput = z
  .object({
    token: z.string({ error: "This reset link is incomplete" }).min(20, { error: "This reset link is incomplete" }).max(100, { error: "This reset link is not valid" }),
    password,
  })
  .strict();
export const CreateOrganizationInput = z.object({ organizationName }).strict();

/** FormData → plain object; empty strings count as absent so optional fields stay optional. */
export function formToObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) {
    if (k.startsWith("$ACTION")) continue;
    if (typeof v === "string" && v !== "") out[k] = v;
  }
  return out;
}
