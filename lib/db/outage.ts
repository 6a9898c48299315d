/**
 * Errors that mean "the database is not answering right now" (a restart, a failover, a dropped
 * connection), as opposed to a bad query. Callers wait and try again, or answer 503, instead of
 * treating them as a failure of the work itself.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  "57P01", // admin_shutdown: terminating connection due to administrator command
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now: the database system is starting up / shutting down
  "08000", // connection_exception
  "08001", // sqlclient_unable_to_establish_sqlconnection
  "08003", // connection_does_not_exist
  "08004", // sqlserver_rejected_establishment_of_sqlconnection
  "08006", // connection_failure
]);
const UNAVAILABLE_NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
// Prisma's codes for "can't reach", "timed out reaching", "server closed the connection".
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);
const UNAVAILABLE_MESSAGES = /Connection terminated|connection error|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Can't reach database server|server closed the connection/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && typeof e === "object" && !seen.has(e); ) {
    seen.add(e);
    const { code, originalCode, message, cause } = e as { code?: unknown; originalCode?: unknown; message?: unknown; cause?: unknown };
    for (const c of [code, originalCode]) {
      if (typeof c === "string" && (UNAVAILABLE_SQLSTATES.has(c) || UNAVAILABLE_NODE_CODES.has(c) || UNAVAILABLE_PRISMA_CODES.has(c))) return true;
    }
    if (typeof message === "string" && UNAVAILABLE_MESSAGES.test(message)) return true;
    // Prisma's driver-adapter errors carry the pg error under meta.driverAdapterError.cause.
    const meta = (e as { meta?: { driverAdapterError?: { cause?: unknown } } }).meta;
    e = meta?.driverAdapterError?.cause ?? cause;
  }
  return false;
}

/** 1 s, 2 s, 4 s … up to `maxMs`: how long to wait before the `attempt`-th retry (1-based). */
export function backoffMs(attempt: number, maxMs = 30_000): number {
  return Math.min(maxMs, 1000 * 2 ** Math.max(0, attempt - 1));
}
