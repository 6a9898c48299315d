import { TokenManager, type TokenManagerOptions } from "@/lib/ats/tokens";
import { refreshWithToken } from "./oauth";

/** The token manager of Lever connections: the shared lease and storage, with Lever's token endpoint. */
export function leverTokenManager(options: Partial<TokenManagerOptions> = {}): TokenManager {
  return new TokenManager({ refresh: refreshWithToken, provider: "LEVER", label: "Lever", ...options });
}

/** The daily job: refreshes Lever connections idle long enough for Lever to drop their refresh token. */
export const refreshIdleConnections = (now: Date) => leverTokenManager().refreshIdleConnections(now);
