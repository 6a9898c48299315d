import { NextResponse, type NextRequest } from "next/server";
import { requireOrgContext } from "@/lib/auth/guard";
import { config } from "@/lib/config";
import { toAppError } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { connectErrorCode, startConnect } from "@/lib/ats/providers/lever/connection";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

const atsPage = () => `${config().appUrl}/settings/ats?ats=lever`;

/**
 * Sends an owner or admin to Lever's consent screen. A POST from the app's own Settings → ATS form
 * only: it records an OAuth state, so another site must not be able to start it. Errors come back
 * to Settings → ATS as a code. 303 so the browser follows with a GET.
 */
export async function POST(req: NextRequest) {
  try {
    assertSameOrigin(req);
    const org = await requireOrgContext({ admin: true, action: "connect Lever" });
    return NextResponse.redirect(await startConnect(org), 303);
  } catch (error) {
    const appError = toAppError(error);
    if (appError?.status === 401) return NextResponse.redirect(`${config().appUrl}/login?next=/settings/ats`, 303);
    if (!appError) log.error("could not start the Lever connection", { error });
    return NextResponse.redirect(`${atsPage()}&error=${connectErrorCode(error)}`, 303);
  }
}

/** An old link or bookmark starts nothing: it shows Settings → ATS, where the button is. */
export async function GET() {
  return NextResponse.redirect(atsPage(), 303);
}
