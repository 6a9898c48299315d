import { AppError } from "@/lib/errors";

/**
 * Why connecting an ATS failed, as a code in the redirect back to Settings → ATS. The page shows only
 * these messages: text from the URL is never displayed, so a crafted link cannot put words of its
 * own into the app's red alert.
 */
export const CONNECT_ERROR_CODES = [
  "state_invalid",
  "state_other_user",
  "state_used",
  "state_expired",
  "access_denied",
  "ats_refused",
  "no_code",
  "exchange_failed",
  "account_taken",
  "other_account",
  "not_admin",
  "cross_site",
  "failed",
] as const;

export type ConnectErrorCode = (typeof CONNECT_ERROR_CODES)[number];

/** The messages, in the words of the ATS being connected (`label` "Lever", `adminRole` "Super Admin"). */
export function connectErrors({ label, adminRole }: { label: string; adminRole: string }): Readonly<Record<ConnectErrorCode, string>> {
  return {
    state_invalid: `The ${label} sign-in could not be verified. Start the connection again.`,
    state_other_user: `The ${label} sign-in was started by another user or organization. Start the connection again.`,
    state_used: `This ${label} sign-in link was already used. Start the connection again.`,
    state_expired: `The ${label} sign-in took longer than 10 minutes. Start the connection again.`,
    access_denied: `${label} did not grant access. Only a ${label} ${adminRole} can connect the app; you can try again at any time.`,
    ats_refused: `${label} refused the connection. Try again.`,
    no_code: `${label}'s answer had no authorization code. Start the connection again.`,
    exchange_failed: `${label} did not accept the sign-in. Start the connection again.`,
    account_taken: `This ${label} account is already connected to another organization. Disconnect it there first, or sign in to a different ${label} account.`,
    other_account: `Your organization is already connected to another ATS account (an organization connects one at a time). Disconnect it in Settings → ATS first, then connect ${label}.`,
    not_admin: `Only organization owners and admins can connect ${label}. Ask an admin of your organization.`,
    cross_site: `The connection was started from another site. Use the Connect ${label} button on this page.`,
    failed: `Could not connect ${label}. Try again.`,
  };
}

export function isConnectErrorCode(value: unknown): value is ConnectErrorCode {
  return typeof value === "string" && (CONNECT_ERROR_CODES as readonly string[]).includes(value);
}

/** The message for a code from the URL; anything else (including free text) gets the generic one. */
export function connectErrorMessage(code: string | undefined, ats: { label: string; adminRole: string }): string | undefined {
  if (code === undefined || code === "") return undefined;
  return connectErrors(ats)[isConnectErrorCode(code) ? code : "failed"];
}

/** A refused connection; `reason` is what the redirect to Settings → ATS carries. */
export class ConnectError extends AppError {
  constructor(
    readonly reason: ConnectErrorCode,
    status = 400,
  ) {
    super(status, "connect_refused", connectErrors({ label: "ATS", adminRole: "admin" })[reason]);
  }
}

/** The code the redirect back to Settings → ATS carries for an error of the connect or callback route. */
export function connectErrorCode(error: unknown): ConnectErrorCode {
  if (error instanceof ConnectError) return error.reason;
  if (error instanceof AppError && error.status === 403) return error.code === "cross_site" ? "cross_site" : "not_admin";
  return "failed";
}
