"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { orgAction, type ActionResult } from "@/lib/auth/guard";
import { retryDelivery } from "@/lib/connections/activity";
import { disconnect } from "@/lib/connections/connect";
import { applySettings, manualWebhookSetup, SettingsInput, type ManualWebhookSetup } from "@/lib/connections/settings";
import { formToObject } from "@/lib/organizations/schemas";

const ConnectionInput = z.object({ connectionId: z.string().min(1).max(50) }).strict();

export async function applySettingsAction(
  _prev: ActionResult<{ webhookUrl: string }> | null,
  form: FormData,
): Promise<ActionResult<{ webhookUrl: string }>> {
  return orgAction({ admin: true, action: "change the ATS integration" }, async (org) => {
    const result = await applySettings(org, SettingsInput.parse(formToObject(form)));
    revalidatePath("/settings/ats");
    return { ok: true, data: { webhookUrl: result.webhookUrl }, message: "Settings applied" };
  });
}

/** The URL and per-event secrets an admin enters in an ATS whose webhooks are set up by hand. */
export async function manualWebhookSetupAction(connectionId: string): Promise<ActionResult<ManualWebhookSetup>> {
  return orgAction({ admin: true, action: "see the web hook secrets" }, async (org) => {
    const { connectionId: id } = ConnectionInput.parse({ connectionId });
    return { ok: true, data: await manualWebhookSetup(org, id) };
  });
}

export async function disconnectAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return orgAction({ admin: true, action: "disconnect the ATS" }, async (org) => {
    const { connectionId } = ConnectionInput.parse(formToObject(form));
    const result = await disconnect(org, connectionId);
    revalidatePath("/settings/ats");
    // Back to the same ATS's card (without a choice in the URL the page would open another one), with
    // a flag the page turns into its own words: what is left to do in the ATS, if anything.
    const left = result.manualWebhooks || result.webhookErrors > 0 ? "webhooks" : "none";
    redirect(`/settings/ats?ats=${encodeURIComponent(result.provider)}&disconnected=${left}`);
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
