import { NextResponse, type NextRequest } from "next/server";
import { connectErrorCode } from "@/lib/ats/connect-errors";
import { providerNamed } from "@/lib/ats/registry";
import { requireOrgContext } from "@/lib/auth/guard";
import { config } from "@/lib/config";
import { completeConnect } from "@/lib/connections/connect";
import { toAppError } from "@/lib/errors";
import { log } from "@/lib/log";

export const dynamic = "force-dynamic";

/**
 * The ATS's redirect after consent (Lever's registered redirect URI is this path). Success lands on
 * Settings → ATS with the integration settings window open; any refusal lands there with a code the
 * page turns into a message.
 */
export async function GET(req: NextRequest, { params }: { params: Promise<{ provider: string }> }) {
  const { provider: name } = await params;
  const ats = `${config().appUrl}/settings/ats?ats=${encodeURIComponent(name)}`;
  try {
    const provider = providerNamed(name);
    const org = await requireOrgContext({ admin: true, action: `connect ${provider.label}` });
    await completeConnect(provider, org, new URL(req.url));
    return NextResponse.redirect(`${ats}&connected=1`, 302);
  } catch (error) {
    const appError = toAppError(error);
    if (appError?.status === 401) return NextResponse.redirect(`${config().appUrl}/login?next=/settings/ats`, 302);
    if (!appError) log.error("ATS callback failed", { provider: name, error });
    return NextResponse.redirect(`${ats}&error=${connectErrorCode(error)}`, 302);
  }
}
