import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { isPermanentAtsError } from "@/lib/ats/errors";
import { metrics } from "@/lib/metrics";
import { connect } from "@/tools/greenhouse-sim/testing";
import { GreenhouseApiError, GreenhouseClient, nextLink, type RetryPolicy } from "./client";
import { ApplicationSchema, NoteSchema } from "./schemas";
import { SIM_URL, startGreenhouseTestBed, type GreenhouseTestBed } from "./test-helpers";

/** The Harvest client against the simulator: Link paging, 429 with Retry-After, refusals, writes not replayed. */

let bed: GreenhouseTestBed;
let accessToken: string;
let sleeps: number[];

beforeEach(async () => {
  bed = await startGreenhouseTestBed({ database: false, applicationsPerAccount: 23 });
  accessToken = (await connect(bed.sim)).access_token;
  sleeps = [];
});

afterEach(async () => {
  await bed.close();
});

function client(retry: Partial<RetryPolicy> = {}) {
  return new GreenhouseClient({
    apiBase: `${SIM_URL}/v3`,
    tokens: { getAccessToken: async () => ({ accessToken, tokenVersion: 1 }), refreshAccessToken: async () => ({ accessToken, tokenVersion: 2 }) },
    retry: { minTimeoutMs: 0, maxTimeoutMs: 0, ...retry },
    maxDownloadBytes: 1024 * 1024,
    // Waiting is the simulator's clock moving: no test sleeps.
    sleep: async (ms) => {
      sleeps.push(ms);
      bed.sim.advanceClock(ms);
    },
  });
}

describe("GreenhouseClient", () => {
  it("follows Link headers page by page and returns every application exactly once", async () => {
    const c = client();
    const ids: number[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await c.page("applications", ApplicationSchema, { per_page: 7 }, cursor);
      expect(page.items.length).toBeLessThanOrEqual(7);
      ids.push(...page.items.map((a) => a.id));
      cursor = page.next ?? undefined;
      pages++;
    } while (cursor);
    const expected = bed.sim.context.accounts[0]!.applications.length;
    expect(ids.length).toBe(expected);
    expect(new Set(ids).size).toBe(expected);
    expect(pages).toBe(Math.ceil(expected / 7));
    expect((await c.all("applications", ApplicationSchema, { per_page: 5 })).map((a) => a.id).sort()).toEqual([...ids].sort());
  });

  it("refuses a cursor that is not a Greenhouse link for the same list, without sending it", async () => {
    const c = client();
    const first = await c.page("applications", ApplicationSchema, { per_page: 2 });
    const otherList = first.next!.replace("/v3/applications", "/v3/candidates");
    for (const cursor of ["not-a-url", "https://evil.test/v3/applications?cursor=x", otherList]) {
      const error = await c.page("applications", ApplicationSchema, {}, cursor).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(GreenhouseApiError);
      expect((error as GreenhouseApiError).status).toBe(400);
    }
  });

  it("waits out a 429 for the Retry-After seconds, then succeeds", async () => {
    await bed.close();
    bed = await startGreenhouseTestBed({ database: false, applicationsPerAccount: 5, rateLimit: 2 });
    accessToken = (await connect(bed.sim)).access_token;
    const c = client();
    for (let i = 0; i < 4; i++) await c.page("users", ApplicationSchema.pick({ id: true }), {});
    expect(sleeps.length).toBeGreaterThan(0);
    // The simulator's window is 10 s; each wait is what its Retry-After said, in whole seconds.
    for (const ms of sleeps) {
      expect(ms % 1000).toBe(0);
      expect(ms).toBeGreaterThan(0);
      expect(ms).toBeLessThanOrEqual(10_000);
    }
    expect(bed.sim.state().requests["GET /v3/users"]?.["429"]).toBe(sleeps.length);
  });

  it("counts its requests per connection and status for /metrics, the 429s and the failures to connect included", async () => {
    const connectionId = `metrics-${Date.now()}`;
    const counted = async (status: string) => (await metrics().greenhouseRequests.get()).values.find((v) => v.labels.connection === connectionId && v.labels.status === status)?.value ?? 0;
    const c = new GreenhouseClient({
      apiBase: `${SIM_URL}/v3`,
      connectionId,
      tokens: { getAccessToken: async () => ({ accessToken, tokenVersion: 1 }), refreshAccessToken: async () => ({ accessToken, tokenVersion: 2 }) },
      retry: { minTimeoutMs: 0, maxTimeoutMs: 0 },
      sleep: async (ms) => {
        bed.sim.advanceClock(ms);
      },
    });
    bed.sim.setFaults({ status: 429, rate: 1, count: 2 });
    for (let i = 0; i < 3; i++) await c.page("users", ApplicationSchema.pick({ id: true }), {});
    expect(await counted("200")).toBe(3);
    expect(await counted("429")).toBe(2);

    const unreachable = new GreenhouseClient({
      apiBase: `${SIM_URL}/v3`,
      connectionId,
      fetch: () => Promise.reject(new TypeError("fetch failed")),
      tokens: { getAccessToken: async () => ({ accessToken, tokenVersion: 1 }), refreshAccessToken: async () => ({ accessToken, tokenVersion: 2 }) },
      retry: { retries: 0 },
    });
    await expect(unreachable.page("users", ApplicationSchema.pick({ id: true }), {})).rejects.toMatchObject({ status: 0 });
    expect(await counted("0")).toBe(1);
  });

  it("gives up after its retries on a lasting 429, as a retryable AtsApiError", async () => {
    bed.sim.setFaults({ status: 429, rate: 1 });
    const error = await client({ retries: 2 }).page("users", ApplicationSchema.pick({ id: true }), {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GreenhouseApiError);
    expect((error as GreenhouseApiError).status).toBe(429);
    expect(isPermanentAtsError(error)).toBe(false);
    expect(sleeps).toEqual([1000, 1000]);
  });

  it("does not resend a write after a 500 (it may have been applied); a 422 is final with Greenhouse's field message", async () => {
    const app = bed.sim.context.accounts[0]!.applications[0]!;
    bed.sim.setFaults({ status: 500, rate: 1, count: 1 });
    const failed = await client().post("notes", { candidate_id: app.candidate_id, body: "x" }, NoteSchema).catch((e: unknown) => e);
    expect((failed as GreenhouseApiError).status).toBe(500);
    expect(bed.sim.state().requests["POST /v3/notes"]?.["500"]).toBe(1);
    expect(bed.sim.state().requests["POST /v3/notes"]?.["201"]).toBeUndefined();

    const invalid = await client().post("notes", { candidate_id: app.candidate_id, body: "" }, NoteSchema).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(GreenhouseApiError);
    expect((invalid as GreenhouseApiError).status).toBe(422);
    expect((invalid as Error).message).toContain("body");
    expect(isPermanentAtsError(invalid)).toBe(true);
  });

  it("reads Link headers with several relations and none", () => {
    expect(nextLink('<https://h/v3/jobs?cursor=a>; rel="prev", <https://h/v3/jobs?cursor=b>; rel="next"')).toBe("https://h/v3/jobs?cursor=b");
    expect(nextLink(null)).toBeNull();
    expect(nextLink('<https://h/v3/jobs?cursor=a>; rel="last"')).toBeNull();
  });
});
