"use server";

import { redirect } from "next/navigation";
import { actionError, currentUserId, type ActionResult } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { CreateOrganizationInput, formToObject } from "@/lib/organizations/schemas";
import { createOrganization } from "@/lib/organizations/service";

export async function createOrganizationAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  const userId = await currentUserId();
  if (!userId) redirect("/login");
  try {
    const input = CreateOrganizationInput.parse(formToObject(form));
    await createOrganization(await db(), userId, input.organizationName);
  } catch (error) {
    return actionError(error);
  }
  redirect("/jobs");
}
