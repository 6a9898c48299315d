import { TokenManager, type TokenManagerOptions } from "@/lib/ats/tokens";
import { refreshWithToken } from "./oauth";

/** Greenhouse's refresh tokens expire 24 hours after issue, so quiet connections are refreshed twice as often. */
export const GREENHOUSE_IDLE_REFRESH_AFTER_MS = 12 * 3600 * 1000;

export function greenhouseTokenManager(options: Partial<TokenManagerOptions> = {}): TokenManager {
  return new TokenManager({ refresh: refreshWithToken, provider: "GREENHOUSE", label: "Greenhouse", idleRefreshAfterMs: GREENHOUSE_IDLE_REFRESH_AFTER_MS, ...options });
}

export const refreshIdleConnections = (now: Date) => greenhouseTokenManager().refreshIdleConnections(now);
