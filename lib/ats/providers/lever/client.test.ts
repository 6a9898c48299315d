import { http, HttpResponse } from "msw";
import { leverTokenManager } from "./tokens";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { LeverApiError, LeverClient } from "./client";
import { authorizeWithSim, createConnection, requestCount, SIM_URL, startLeverTestBed, tokenCalls, type LeverTestBed } from "./test-helpers";

let bed: LeverTestBed;

beforeAll(async () => {
  bed = await startLeverTestBed({ rateLimit: false });
});
afterAll(() => bed?.close());
beforeEach(() => {
  bed.sim.reset();
  bed.server.resetHandlers();
});

const FAST_RETRY = { retries: 8, minTimeoutMs: 5, maxTimeoutMs: 40, maxRetryTimeMs: 10_000 };

async function setup(accountIndex = 0) {
  const tokens = await authorizeWithSim(bed.sim, accountIndex);
  const { connectionId } = await createConnection(bed.db, tokens);
  const account = bed.sim.context.world.accounts[accountIndex]!;
  return { tokens, connectionId, account, client: clientFor(connectionId) };
}

function clientFor(connectionId: string, options: { timeoutMs?: number; maxDownloadBytes?: number } = {}) {
  const tokens = leverTokenManager({ pollMs: 5 });
  return new LeverClient({
    apiBase: config().lever.apiBase,
    confidentialAccess: true,
    connectionId,
    retry: FAST_RETRY,
    timeoutMs: options.timeoutMs,
    maxDownloadBytes: options.maxDownloadBytes,
    tokens: {
      getAccessToken: () => tokens.getAccessToken(connectionId),
      refreshAccessToken: (stale) => tokens.refreshAccessToken(connectionId, stale),
    },
  });
}

describe("LeverClient reads", () => {
  it("paginates opportunities to the end: every one exactly once, applications expanded", async () => {
    const { client, account } = await setup();
    const ids: string[] = [];
    for await (const o of client.opportunities({ limit: 17 })) {
      ids.push(o.id);
      expect(typeof o.applications[0]).toBe("object");
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(account.opportunities.map((o) => o.id)));
    expect(requestCount(bed.sim, "GET /v1/opportunities", "200")).toBe(Math.ceil(account.opportunities.length / 17));
  });

  it("returns one page at a time for a picker, with the opaque next token", async () => {
    const { client, account } = await setup();
    const first = await client.postingsPage({ limit: 3 });
    expect(first.items).toHaveLength(3);
    expect(first.hasNext).toBe(true);
    const second = await client.postingsPage({ limit: 3, offset: first.next! });
    expect(second.items.map((p) => p.id)).not.toContain(first.items[0]!.id);
    const all: string[] = [];
    for await (const p of client.postings({ limit: 4 })) all.push(p.id);
    // confidentiality=all with the confidential scope: confidential postings too.
    expect(all.sort()).toEqual(account.postings.map((p) => p.id).sort());
    const posting = await client.getPosting(first.items[0]!.id);
    expect(posting.text).toBe(first.items[0]!.text);
    expect(posting.content?.lists.length).toBeGreaterThan(0);
  });

  it("survives a 429 storm with backoff and loses no page", async () => {
    const { client, account } = await setup();
    bed.sim.setFaults({ status: 429, rate: 0.5, count: 12 });
    const ids: string[] = [];
    for await (const o of client.opportunities({ limit: 10 })) ids.push(o.id);
    expect(ids).toHaveLength(account.opportunities.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(requestCount(bed.sim, "GET /v1/opportunities", "429")).toBe(12);
  });

  it("retries 503 and then succeeds", async () => {
    const { client, account } = await setup();
    bed.sim.setFaults({ status: 503, rate: 1, count: 3 });
    const stages = await client.stages();
    expect(stages.map((s) => s.id)).toEqual(account.stages.map((s) => s.id));
    expect(requestCount(bed.sim, "GET /v1/stages", "503")).toBe(3);
    expect(requestCount(bed.sim, "GET /v1/stages", "200")).toBe(1);
  });

  it("honours Retry-After when Lever sends one", async () => {
    const { client } = await setup();
    let calls = 0;
    bed.server.use(
      http.get(`${SIM_URL}/v1/stages`, () => {
        calls++;
        if (calls === 1) return HttpResponse.json({ code: "TOO_MANY_REQUESTS", message: "slow down" }, { status: 429, headers: { "retry-after": "1" } });
        return undefined;
      }),
    );
    const started = Date.now();
    await client.stages();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(calls).toBe(2);
  });

  it("gives up after the retry budget and reports Lever's error", async () => {
    const { client } = await setup();
    bed.sim.setFaults({ status: 503, rate: 1 });
    const error = await client.stages().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LeverApiError);
    expect(error).toMatchObject({ status: 503, code: "SERVICE_UNAVAILABLE" });
    expect(requestCount(bed.sim, "GET /v1/stages", "503")).toBe(FAST_RETRY.retries + 1);
  });

  it("retries a request that timed out", async () => {
    const { connectionId, account } = await setup();
    const client = clientFor(connectionId, { timeoutMs: 150 });
    bed.sim.setFaults({ latencyMs: 400, rate: 1, count: 1 });
    const reasons = await client.archiveReasons("non-hired");
    expect(reasons.length).toBe(account.archiveReasons.filter((r) => r.type === "non-hired").length);
  });

  it("on 401 refreshes once and retries once", async () => {
    const { client, tokens } = await setup();
    await client.stages();
    const before = tokenCalls(bed.sim);
    // Lever's clock says the token expired; our stored expiry still thinks it is fresh.
    bed.sim.advanceClock(3600_000 + 5_000);
    const users = await client.users();
    expect(users.length).toBeGreaterThan(0);
    expect(tokenCalls(bed.sim) - before).toBe(1);
    expect(requestCount(bed.sim, "GET /v1/users", "401")).toBe(1);
    expect(requestCount(bed.sim, "GET /v1/users", "200")).toBe(1);
    void tokens;
  });

  it("ten concurrent calls through separate clients with an expired token cause one refresh", async () => {
    const { connectionId } = await setup();
    bed.sim.advanceClock(3600_000 + 5_000);
    const before = tokenCalls(bed.sim);
    const clients = Array.from({ length: 10 }, () => clientFor(connectionId));
    const results = await Promise.all(clients.map((c) => c.stages()));
    expect(results.every((r) => r.length > 0)).toBe(true);
    expect(tokenCalls(bed.sim) - before).toBe(1);
    expect(tokenCalls(bed.sim, "403")).toBe(0);
  });

  it("a revoked app gives a typed error and never leaks the token", async () => {
    const { client, tokens, account } = await setup();
    bed.sim.revoke(account.id);
    const error = await client.stages().catch((e: unknown) => e);
    expect((error as Error).name).toBe("ConnectionNeedsReconnectError");
    expect(JSON.stringify(error)).not.toContain(tokens.accessToken);
    expect(String(error)).not.toContain(tokens.refreshToken);
  });

  it("maps Lever errors to LeverApiError without retrying 4xx", async () => {
    const { client, tokens } = await setup();
    const error = await client.getOpportunity("does-not-exist").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LeverApiError);
    expect(error).toMatchObject({ status: 404, code: "NOT_FOUND" });
    expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.toContain(tokens.accessToken);
    expect(requestCount(bed.sim, "GET /v1/opportunities/:id", "404")).toBe(1);
  });

  it("downloads résumés and files; a file Lever could not process is a 422", async () => {
    const { client, account } = await setup();
    const opp = account.opportunities.find((o) => o.resumes.some((r) => r.status === "processed") && o.confidentiality !== "confidential")!;
    const resumes = await client.resumes(opp.id);
    const resume = resumes.find((r) => r.file?.status === "processed")!;
    expect(resume.parsedData?.positions.length).toBeGreaterThanOrEqual(0);
    const download = await client.downloadResume(opp.id, resume.id);
    expect(download.bytes.length).toBeGreaterThan(100);
    expect(download.contentType).toMatch(/pdf|officedocument/);
    expect(download.fileName).toBe(resume.file!.name);

    const { opportunityId } = await bed.sim.addApplication({ postingId: account.postings[0]!.id, unprocessable: true });
    const [bad] = await client.resumes(opportunityId);
    const error = await client.downloadResume(opportunityId, bad!.id).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 422 });
    expect(requestCount(bed.sim, "GET /v1/opportunities/:id/resumes/:rid/download", "422")).toBe(1);

    const withFiles = account.opportunities.find((o) => o.files.some((f) => f.status === "processed") && o.confidentiality !== "confidential");
    if (withFiles) {
      const files = await client.files(withFiles.id);
      const file = files.find((f) => f.status === "processed")!;
      const bytes = await client.downloadFile(withFiles.id, file.id);
      expect(bytes.bytes.length).toBeGreaterThan(0);
    }
  });

  describe("a résumé larger than the cap", () => {
    const MiB = 1024 * 1024;
    /** A file body generated as it is read, so the test sees how much of it the client pulled. */
    function generatedFile(totalBytes: number) {
      const seen = { pulled: 0 };
      const chunk = new Uint8Array(64 * 1024).fill(0x41);
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (seen.pulled >= totalBytes) return controller.close();
          seen.pulled += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      return { body, seen };
    }
    const DOWNLOAD = `${SIM_URL}/v1/opportunities/:id/resumes/:rid/download`;

    it("is refused from its Content-Length without reading the body", async () => {
      const { connectionId } = await setup();
      const file = generatedFile(64 * MiB);
      bed.server.use(http.get(DOWNLOAD, () => new HttpResponse(file.body, { headers: { "content-type": "application/pdf", "content-length": String(64 * MiB) } })));
      const error = await clientFor(connectionId, { maxDownloadBytes: MiB })
        .downloadResume("opp", "res")
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LeverApiError);
      expect(error).toMatchObject({ code: "too_large", details: { retryable: false } });
      expect(file.seen.pulled).toBeLessThan(MiB);
    });

    it("is stopped once the streamed bytes pass the cap when no length is sent", async () => {
      const { connectionId } = await setup();
      const file = generatedFile(64 * MiB);
      bed.server.use(http.get(DOWNLOAD, () => new HttpResponse(file.body, { headers: { "content-type": "application/pdf" } })));
      const error = await clientFor(connectionId, { maxDownloadBytes: MiB })
        .downloadResume("opp", "res")
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "too_large" });
      // Stream buffering lets a few chunks run ahead of the reader, never the whole file.
      expect(file.seen.pulled).toBeLessThan(4 * MiB);
    });

    it("a file that trickles in is stopped at the request timeout, not read for ever", async () => {
      const { connectionId } = await setup();
      const trickle = new ReadableStream<Uint8Array>({
        pull: (controller) => new Promise<void>((resolve) => setTimeout(() => (controller.enqueue(new Uint8Array(16)), resolve()), 20)),
      });
      bed.server.use(http.get(DOWNLOAD, () => new HttpResponse(trickle, { headers: { "content-type": "application/pdf" } })));
      const client = new LeverClient({
        apiBase: config().lever.apiBase,
        connectionId,
        timeoutMs: 300,
        retry: { retries: 0 },
        tokens: { getAccessToken: async () => ({ accessToken: "t", tokenVersion: 1 }), refreshAccessToken: async () => ({ accessToken: "t", tokenVersion: 1 }) },
      });
      const error = await client.downloadResume("opp", "res").catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "timeout", details: { retryable: true } });
    });

    it("a JSON answer is capped too, and an error body is not read whole", async () => {
      const { client } = await setup();
      const page = generatedFile(64 * MiB);
      bed.server.use(http.get(`${SIM_URL}/v1/stages`, () => new HttpResponse(page.body, { headers: { "content-type": "application/json" } })));
      expect(await client.stages().catch((e: unknown) => e)).toMatchObject({ code: "too_large" });
      expect(page.seen.pulled).toBeLessThan(40 * MiB);

      const errorBody = generatedFile(64 * MiB);
      bed.server.use(http.get(`${SIM_URL}/v1/stages`, () => new HttpResponse(errorBody.body, { status: 400, headers: { "content-type": "application/json" } })));
      expect(await client.stages().catch((e: unknown) => e)).toMatchObject({ status: 400, code: "http_400" });
      expect(errorBody.seen.pulled).toBeLessThan(4 * MiB);
    });

    it("a file at the cap is still read whole", async () => {
      const { connectionId } = await setup();
      bed.server.use(http.get(DOWNLOAD, () => new HttpResponse(generatedFile(MiB).body, { headers: { "content-type": "application/pdf" } })));
      const download = await clientFor(connectionId, { maxDownloadBytes: MiB }).downloadResume("opp", "res");
      expect(download.bytes.byteLength).toBe(MiB);
    });
  });

  it("follows a GET redirect (EU accounts) with the token, and never redirects a write", async () => {
    const { client, account } = await setup();
    const EU = "https://api.eu.lever.co";
    bed.server.use(
      http.get(`${SIM_URL}/v1/stages`, () => new HttpResponse(null, { status: 301, headers: { location: `${EU}/v1/stages` } })),
      http.all(`${EU}/*`, ({ request }) => bed.sim.handle(new Request(request.url.replace(EU, SIM_URL), request))),
      http.post(`${SIM_URL}/v1/opportunities/:id/addTags`, () => new HttpResponse(null, { status: 301, headers: { location: `${EU}/v1/x` } })),
    );
    const stages = await client.stages();
    expect(stages).toHaveLength(account.stages.length);
    const error = await client.addTags(account.opportunities[0]!.id, ["x"]).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 301, code: "redirect" });
    expect(bed.sim.state().tags).toHaveLength(0);
  });

  it("takes the token only to Lever's API hosts: any other *.lever.co host, or http, gets no request", async () => {
    const { client } = await setup();
    const seen: string[] = [];
    for (const location of ["https://jobs.lever.co/steal", "https://acme.lever.co/steal", "https://hire.lever.co/steal", "http://api.lever.co/v1/stages", "https://api.lever.co:8443/v1/stages"]) {
      bed.server.use(
        http.get(`${SIM_URL}/v1/stages`, () => new HttpResponse(null, { status: 302, headers: { location } })),
        http.all(location.split("/steal")[0]!.replace(/\/v1\/stages$/, "") + "/*", ({ request }) => {
          seen.push(`${request.url} ${request.headers.get("authorization") ?? ""}`);
          return HttpResponse.json({ data: [] });
        }),
      );
      await expect(client.stages(), location).rejects.toMatchObject({ code: "redirect" });
    }
    expect(seen).toEqual([]);
  });

  it("does not follow a redirect to a foreign host", async () => {
    const { client } = await setup();
    bed.server.use(http.get(`${SIM_URL}/v1/stages`, () => new HttpResponse(null, { status: 302, headers: { location: "https://evil.example/steal" } })));
    await expect(client.stages()).rejects.toMatchObject({ code: "redirect" });
  });
});

describe("LeverClient writes", () => {
  it("creates and replaces a note, changes stage, archives, tags", async () => {
    const { client, account } = await setup();
    const opp = account.opportunities.find((o) => !o.archived && o.confidentiality !== "confidential")!;
    const performAs = account.users.find((u) => u.accessRole === "admin" && !u.deactivatedAt)?.id;
    const noteId = await client.createNote(opp.id, { value: "Screening score 82/100", score: 3 }, performAs);
    await client.updateNote(opp.id, noteId, { value: "Screening score 90/100", score: 4 }, performAs);
    const notes = bed.sim.state().notes;
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ id: noteId, value: "Screening score 90/100", score: 4 });
    if (performAs) expect(notes[0]!.performAs).toBe(performAs);

    const stage = account.stages.at(-2)!;
    await client.changeStage(opp.id, stage.id);
    const reason = account.archiveReasons.find((r) => r.status === "active" && r.type === "non-hired")!;
    await client.archive(opp.id, reason.id);
    await client.archive(opp.id, null);
    await client.addTags(opp.id, ["screened"]);
    await client.removeTags(opp.id, ["screened"]);
    const state = bed.sim.state();
    expect(state.stageChanges.map((s) => s.toStageId)).toEqual([stage.id]);
    expect(state.archives.map((a) => a.reason)).toEqual([reason.id, null]);
    expect(state.tags.map((t) => t.action)).toEqual(["add", "remove"]);
  });

  it("retries a write on 503 (not processed) but not on 500 (maybe processed)", async () => {
    const { client, account } = await setup();
    const opp = account.opportunities.find((o) => o.confidentiality !== "confidential")!;
    bed.sim.setFaults({ status: 503, rate: 1, count: 2 });
    await client.createNote(opp.id, { value: "after 503" });
    expect(bed.sim.state().notes).toHaveLength(1);
    bed.sim.setFaults({ status: 500, rate: 1, count: 1 });
    await expect(client.createNote(opp.id, { value: "after 500" })).rejects.toMatchObject({ status: 500 });
    expect(requestCount(bed.sim, "POST /v1/opportunities/:id/notes", "500")).toBe(1);
  });

  it("rejects an invalid note before calling Lever", async () => {
    const { client, account } = await setup();
    await expect(client.createNote(account.opportunities[0]!.id, { value: "", score: 9 })).rejects.toThrow();
    expect(requestCount(bed.sim, "POST /v1/opportunities/:id/notes", "201")).toBe(0);
  });

  it("creates, lists and deletes webhooks and returns the signature token", async () => {
    const { client } = await setup();
    const created = await client.createWebhook({ url: "http://localhost:3000/api/webhooks/lever/c1", event: "applicationCreated" });
    const simHook = bed.sim.state().webhooks.find((w) => w.id === created.id)!;
    expect(created.signatureToken).toBe(simHook.signatureToken);
    expect((await client.listWebhooks()).map((w) => w.id)).toEqual([created.id]);
    expect(await client.deleteWebhook(created.id)).toBe(true);
    expect(await client.deleteWebhook(created.id)).toBe(false);
    expect(await client.listWebhooks()).toEqual([]);
  });

  it("parses the nested data.data webhook response too", async () => {
    bed.sim.context.opts.webhookCreateResponse = "nested";
    try {
      const { client } = await setup();
      const created = await client.createWebhook({ url: "http://localhost:3000/api/webhooks/lever/c2", event: "candidateStageChange" });
      expect(created.signatureToken).toBe(bed.sim.state().webhooks[0]!.signatureToken);
    } finally {
      bed.sim.context.opts.webhookCreateResponse = "flat";
    }
  });
});
