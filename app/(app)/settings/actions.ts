"use server";

import { revalidatePath } from "next/cache";
import { orgAction, type ActionResult } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { ChangeRoleInput, formToObject, InvitationIdInput, InviteInput, MembershipIdInput, ProfileInput } from "@/lib/organizations/schemas";
import { changeRole, invite, removeMember, revokeInvitation } from "@/lib/organizations/service";

export async function updateProfileAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return orgAction({}, async (org) => {
    const input = ProfileInput.parse(formToObject(form));
    await (await db()).user.update({ where: { id: org.userId }, data: { name: input.name } });
    revalidatePath("/settings/profile");
    return { ok: true, message: "Profile saved" };
  });
}

export async function inviteAction(_prev: ActionResult<{ url: string; email: string }> | null, form: FormData): Promise<ActionResult<{ url: string; email: string }>> {
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
