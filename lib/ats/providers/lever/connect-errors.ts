/**
 * Why connecting Lever failed, as a code in the redirect back to Settings → ATS. The page shows only
 * these messages: text from the URL is never displayed, so a crafted link cannot put words of its
 * own into the app's red alert.
 */
export const CONNECT_ERRORS = {
  state_invalid: "The Lever sign-in could not be verified. Start the connection again.",
  state_other_user: "The Lever sign-in was started by another user or organization. Start the connection again.",
  state_used: "This Lever sign-in link was already used. Start the connection again.",
  state_expired: "The Lever sign-in took longer than 10 minutes. Start the connection again.",
  access_denied: "Lever did not grant access. Only a Lever Super Admin can connect the app; you can try again at any time.",
  lever_refused: "Lever refused the connection. Try again.",
  no_code: "Lever's answer had no authorization code. Start the connection again.",
  exchange_failed: "Lever did not accept the sign-in. Start the connection again.",
  account_taken: "This Lever account is already connected to another organization. Disconnect it there first, or sign in to a different Lever account.",
  other_account: "Your organization is already connected to another Lever account. Disconnect it first.",
  not_admin: "Only organization owners and admins can connect Lever. Ask an admin of your organization.",
  cross_site: "The connection was started from another site. Use the Connect Lever button on this page.",
  failed: "Could not connect Lever. Try again.",
} as const;

export type ConnectErrorCode = keyof typeof CONNECT_ERRORS;

export function isConnectErrorCode(value: unknown): value is ConnectErrorCode {
  return typeof value === "string" && Object.hasOwn(CONNECT_ERRORS, value);
}

/** The message for a code from the URL; anything else (including free text) gets the generic one. */
export function connectErrorMessage(code: string | undefined): string | undefined {
  if (code === undefined || code === "") return undefined;
  return isConnectErrorCode(code) ? CONNECT_ERRORS[code] : CONNECT_ERRORS.failed;
}
