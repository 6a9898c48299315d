import type PgBoss from "pg-boss";
import { log } from "@/lib/log";
import { QUEUES } from "./definitions";

/**
 * Binds each queue to its handler. A handler that throws is retried with backoff, then moved to the
 * dead-letter queue, which nobody consumes: it is the list people read and retry from.
 */
export async function registerHandlers(boss: PgBoss): Promise<void> {
  await boss.work(QUEUES.leverRefreshIdle.name, async () => {
    const { refreshIdleConnections } = await import("@/lib/integrations/lever/tokens");
    const result = await refreshIdleConnections(new Date());
    log.info("refreshed idle Lever connections", { result });
  });
}
