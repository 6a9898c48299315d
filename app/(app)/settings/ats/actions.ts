"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { orgAction, type ActionResult } from "@/lib/auth/guard";
import { retryDelivery } from "@/lib/connections/activity";
import { disconnect } from "@/lib/connections/connect";
import { applySettings, SettingsInput } from "@/lib/connections/settings";
import { formToObject } from "@/lib/organizations/schemas";

export async function applyLeverSettingsAction(
  _prev: ActionResult<{ webhookUrl: string }> | null,
  form: FormData,
): Promise<ActionResult<{ webhookUrl: string }>> {
  return orgAction({ admin: true, action: "change the Lever integration" }, async (org) => {
    const result = await applySettings(org, SettingsInput.parse(formToObject(form)));
    revalidatePath("/settings/ats");
    return { ok: true, data: { webhookUrl: result.webhookUrl }, message: "Settings applied" };
  });
}

export async function disconnectLeverAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return orgAction({ admin: true, action: "disconnect Lever" }, async (org) => {
    const { connectionId } = z.object({ connectionId: z.string().min(1).max(50) }).strict().parse(formToObject(form));
    const result = await disconnect(org, connectionId);
    revalidatePath("/settings/ats");
    return {
      ok: true,
      message:
        result.webhookErrors > 0
          ? "Lever is disconnected. Some webhooks could not be removed from Lever; delete them in Lever's Webhooks settings."
          : "Lever is disconnected.",
    };
  });
}

export async function retryDeliveryAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return orgAction({ admin: true, action: "retry deliveries" }, async (org) => {
    const { deliveryId } = z.object({ deliveryId: z.string().min(1).max(50) }).strict().parse(formToObject(form));
    await retryDelivery(org, deliveryId);
    revalidatePath("/settings/ats");
    return { ok: true, message: "Queued again" };
  });
}
