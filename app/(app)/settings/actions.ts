"use server";

import { revalidatePath } from "next/cache";
import { orgAction, type ActionResult } from "@/lib/auth/guard";
import { signIn, signOut } from "@/lib/auth";
import { changePassword } from "@/lib/auth/account";
import { endAllSessions } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { ChangePasswordInput, ChangeRoleInput, formToObject, InvitationIdInput, InviteInput, MembershipIdInput, ProfileInput } from "@/lib/organizations/schemas";
import { changeRole, invite, removeMember, resendInvitation, revokeInvitation } from "@/lib/organizations/service";

export async function updateProfileAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return orgAction({}, async (org) => {
    const input = ProfileInput.parse(formToObject(form));
    await (await db()).user.update({ where: { id: org.userId }, data: { name: input.name } });
    revalidatePath("/settings/profile");
    return { ok: true, message: "Profile saved" };
  });
}

export async function inviteAction(_prev: ActionResult<{ url: string; email: string; emailed: boolean }> | null, form: FormData): Promise<ActionResult<{ url: string; email: string; emailed: boolean }>> {
  return orgAction({ admin: true, action: "invite members" }, async (org) => {
    const data = await invite(await db(), org, InviteInput.parse(formToObject(form)));
    revalidatePath("/settings/team");
    return { ok: true, data };
  });
}

export async function changeRoleAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return orgAction({ admin: true, action: "change roles" }, async (org) => {
    await changeRole(await db(), org, ChangeRoleInput.parse(formToObject(form)));
    revalidatePath("/settings/team");
    return { ok: true, message: "Role updated" };
  });
}

export async function removeMemberAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return orgAction({ admin: true, action: "remove members" }, async (org) => {
    await removeMember(await db(), org, MembershipIdInput.parse(formToObject(form)).membershipId);
    revalidatePath("/settings/team");
    return { ok: true, message: "Member removed" };
  });
}

export async function revokeInvitationAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return orgAction({ admin: true, action: "revoke invitations" }, async (org) => {
    await revokeInvitation(await db(), org, InvitationIdInput.parse(formToObject(form)).invitationId);
    revalidatePath("/settings/team");
    return { ok: true, message: "Invitation revoked" };
  });
}

export async function resendInvitationAction(_prev: ActionResult<{ url: string; email: string; emailed: boolean }> | null, form: FormData): Promise<ActionResult<{ url: string; email: string; emailed: boolean }>> {
  return orgAction({ admin: true, action: "invite members" }, async (org) => {
    const data = await resendInvitation(await db(), org, InvitationIdInput.parse(formToObject(form)).invitationId);
    revalidatePath("/settings/team");
    return { ok: true, data };
  });
}

/** Ends every other session of the account; this browser signs in again with the new password. */
export async function changePasswordAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return orgAction({}, async (org) => {
    const input = ChangePasswordInput.parse(formToObject(form));
    await changePassword(await db(), org.userId, input);
    await signIn("credentials", { email: org.userEmail, password: input.newPassword, redirectTo: "/settings/profile?password=changed" });
    return { ok: true, message: "Password changed" };
  });
}

/** Ends every session of the account, this one included (a lost laptop, a shared computer). */
export async function signOutEverywhereAction(): Promise<void> {
  const result = await orgAction({}, async (org) => {
    await endAllSessions(await db(), org.userId);
    return { ok: true };
  });
  if (result.ok) await signOut({ redirectTo: "/login" });
}
