import { NextResponse } from "next/server";
import { requireOrgContext } from "@/lib/auth/guard";
import { config } from "@/lib/config";
import { toAppError } from "@/lib/errors";
import { startConnect } from "@/lib/integrations/lever/connection";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

/** Sends an owner or admin to Lever's consent screen. Errors come back to Settings → ATS. */
export async function GET() {
  const ats = `${config().appUrl}/settings/ats?ats=lever`;
  try {
    const org = await requireOrgContext({ admin: true, action: "connect Lever" });
    return NextResponse.redirect(await startConnect(org), 302);
  } catch (error) {
    const appError = toAppError(error);
    if (appError?.status === 401) return NextResponse.redirect(`${config().appUrl}/login?next=/settings/ats`, 302);
    if (!appError) log.error("could not start the Lever connection", { error });
    const message = appError?.message ?? "Could not start the connection to Lever. Try again.";
    return NextResponse.redirect(`${ats}&error=${encodeURIComponent(message)}`, 302);
  }
}
