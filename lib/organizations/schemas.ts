import { z } from "zod";
import { isCommonPassword } from "@/lib/auth/common-passwords";

const email = z.email({ message: "Enter a valid email address" }).max(320).transform((e) => e.trim().toLowerCase());
const name = z.string().trim().min(1, { message: "Required" }).max(100, { message: "Keep it under 100 characters" });
const password = z
  .string()
  .min(10, { message: "Use at least 10 characters" })
  .max(200, { message: "Keep it under 200 characters" })
  .refine((p) => !isCommonPassword(p), { message: "This password is too common or easy to guess. Choose another" });

export const RoleInput = z.enum(["OWNER", "ADMIN", "RECRUITER"], { message: "Choose Owner, Admin or Recruiter" });

export const SignUpInput = z
  .object({
    name,
    email,
    password,
    organizationName: name.optional(),
    inviteToken: z.string().min(20).max(100).optional(),
  })
  .strict()
  .refine((v) => v.organizationName || v.inviteToken, { message: "Name your organization", path: ["organizationName"] });

export const InviteInput = z.object({ email, role: RoleInput }).strict();
export const ChangeRoleInput = z.object({ membershipId: z.string().min(1).max(50), role: RoleInput }).strict();
export const MembershipIdInput = z.object({ membershipId: z.string().min(1).max(50) }).strict();
export const InvitationIdInput = z.object({ invitationId: z.string().min(1).max(50) }).strict();
export const ProfileInput = z.object({ name }).strict();
export const ChangePasswordInput = z.object({ currentPassword: z.string().min(1, { message: "Enter your current password" }).max(200), newPassword: password }).strict();
export const CreateOrganizationInput = z.object({ organizationName: name }).strict();

/** FormData → plain object; empty strings count as absent so optional fields stay optional. */
export function formToObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) {
    if (k.startsWith("$ACTION")) continue;
    if (typeof v === "string" && v !== "") out[k] = v;
  }
  return out;
}
