import type PgBoss from "pg-boss";
import { describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { ensureSchedules, QUEUES } from "./definitions";

describe("schedules", () => {
  it("the daily digest is scheduled at minute 0 of the configured UTC hour", async () => {
    const scheduled: unknown[][] = [];
    const boss = { schedule: async (...args: unknown[]) => void scheduled.push(args), unschedule: async () => undefined } as unknown as PgBoss;
    await ensureSchedules(boss, [QUEUES.digest, QUEUES.retention]);
    expect(scheduled).toEqual([
      ["mail.digest", `0 ${config().mail.digestHourUtc} * * *`, {}, { tz: "UTC" }],
      ["candidates.retention", "23 * * * *", {}, { tz: "UTC" }],
    ]);
  });
});
