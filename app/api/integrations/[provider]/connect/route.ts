import { NextResponse, type NextRequest } from "next/server";
import { connectErrorCode } from "@/lib/ats/connect-errors";
import { providerNamed } from "@/lib/ats/registry";
import { requireOrgContext } from "@/lib/auth/guard";
import { config } from "@/lib/config";
import { toAppError } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ provider: string }> };

const atsPage = (provider: string) => `${config().appUrl}/settings/ats?ats=${encodeURIComponent(provider)}`;

/**
 * Sends an owner or admin to the ATS's consent screen. A POST from the app's own Settings → ATS form
 * only: it records an OAuth state, so another site must not be able to start it. Errors come back
 * to Settings → ATS as a code. 303 so the browser follows with a GET.
 */
export async function POST(req: NextRequest, { params }: Params) {
  const { provider: name } = await params;
  try {
    const provider = providerNamed(name);
    assertSameOrigin(req);
    const org = await requireOrgContext({ admin: true, action: `connect ${provider.label}` });
    return NextResponse.redirect(await provider.startConnect(org), 303);
  } catch (error) {
    const appError = toAppError(error);
    if (appError?.status === 401) return NextResponse.redirect(`${config().appUrl}/login?next=/settings/ats`, 303);
    if (!appError) log.error("could not start connecting an ATS", { provider: name, error });
    return NextResponse.redirect(`${atsPage(name)}&error=${connectErrorCode(error)}`, 303);
  }
}

/** An old link or bookmark starts nothing: it shows Settings → ATS, where the button is. */
export async function GET(_req: NextRequest, { params }: Params) {
  return NextResponse.redirect(atsPage((await params).provider), 303);
}
