import type { LimiterClock } from "@/lib/ats/rate-limit";

/** A time source the test owns: read it, and move it forward. */
export interface ManualTime {
  now(): number;
  advance(ms: number): void;
}

/** A time source that starts at `start` and moves only when told to. */
export function manualTime(start = Date.parse("2026-03-02T09:00:00Z")): ManualTime {
  let at = start;
  return {
    now: () => at,
    advance: (ms) => {
      at += ms;
    },
  };
}

/**
 * Time for limiters on a clock that only this moves: callers run until each has finished or gone to
 * sleep, then the earliest sleeper wakes alone, the clock set to its wake-up time. Neither machine
 * load nor scheduling changes when a request is let go.
 */
export function virtualTime(time: ManualTime) {
  let active = 0;
  const sleeping: Array<{ wake: number; resolve: () => void }> = [];
  const tick = () => {
    if (active > 0 || sleeping.length === 0) return;
    sleeping.sort((x, y) => x.wake - y.wake);
    const next = sleeping.shift()!;
    if (next.wake > time.now()) time.advance(next.wake - time.now());
    active += 1;
    next.resolve();
  };
  const clock: LimiterClock = {
    now: () => time.now(),
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        sleeping.push({ wake: time.now() + ms, resolve });
        active -= 1;
        tick();
      }),
  };
  const run = async <T>(fn: () => Promise<T>): Promise<T> => {
    active += 1;
    try {
      return await fn();
    } finally {
      active -= 1;
      tick();
    }
  };
  return { clock, run };
}
