"use server";

import { revalidatePath } from "next/cache";
import { orgAction, type ActionResult } from "@/lib/auth/guard";
import { grantJobAccess, revokeJobAccess } from "@/lib/auth/job-access";

/** The Access panel's one button: gives (`grant=1`) or removes (`grant=0`) a member's access to a confidential job. */
export async function setJobAccessAction(_prev: ActionResult | null, form: FormData): Promise<ActionResult> {
  return orgAction({ admin: true, action: "manage access to confidential jobs" }, async (org) => {
    const input = { jobId: form.get("jobId") ?? undefined, userId: form.get("userId") ?? undefined };
    const grant = form.get("grant") === "1";
    if (grant) await grantJobAccess(org, input);
    else await revokeJobAccess(org, input);
    revalidatePath(`/jobs/${String(input.jobId)}`);
    return { ok: true, message: grant ? "Access given" : "Access removed" };
  });
}
