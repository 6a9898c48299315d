import { NextResponse, type NextRequest } from "next/server";
import { requireOrgContext } from "@/lib/auth/guard";
import { config } from "@/lib/config";
import { toAppError } from "@/lib/errors";
import { completeConnect, connectErrorCode } from "@/lib/ats/providers/lever/connection";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

/**
 * Lever's redirect after consent. Success lands on Settings → ATS with the integration settings
 * window open; any refusal lands there with a code the page turns into a message.
 */
export async function GET(req: NextRequest) {
  const ats = `${config().appUrl}/settings/ats?ats=lever`;
  try {
    const org = await requireOrgContext({ admin: true, action: "connect Lever" });
    await completeConnect(org, new URL(req.url));
    return NextResponse.redirect(`${ats}&connected=1`, 302);
  } catch (error) {
    const appError = toAppError(error);
    if (appError?.status === 401) return NextResponse.redirect(`${config().appUrl}/login?next=/settings/ats`, 302);
    if (!appError) log.error("Lever callback failed", { error });
    return NextResponse.redirect(`${ats}&error=${connectErrorCode(error)}`, 302);
  }
}
