import { beforeEach, describe, expect, it } from "vitest";
import { createLeverSim, type LeverSim } from "./core";
import { api, connect } from "./testing";

interface Page<T = Record<string, unknown>> {
  data: T[];
  hasNext: boolean;
  next?: string;
}

let sim: LeverSim;
let token: string;
beforeEach(async () => {
  sim = createLeverSim({ opportunitiesPerAccount: 40, rateLimit: false, seed: 7 });
  token = (await connect(sim)).access_token;
});

const getJson = async <T = Page>(path: string, t = token): Promise<{ status: number; body: T }> => {
  const res = await api(sim, t, "GET", path);
  return { status: res.status, body: (await res.json()) as T };
};

describe("lists and pagination", () => {
  it("pages to the end with opaque offsets, no duplicates and no gaps", async () => {
    const seen: string[] = [];
    let offset: string | undefined;
    let pages = 0;
    do {
      const { status, body } = await getJson(`/opportunities?limit=7${offset ? `&offset=${encodeURIComponent(offset)}` : ""}`);
      expect(status).toBe(200);
      seen.push(...body.data.map((o) => o.id as string));
      expect(body.hasNext).toBe(Boolean(body.next));
      offset = body.next;
      pages++;
    } while (offset);
    const { body: all } = await getJson("/opportunities");
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(all.data.map((o) => o.id));
    expect(pages).toBe(Math.ceil(seen.length / 7));
    expect(all.hasNext).toBe(false);
    expect(all.next).toBeUndefined();
  });

  it("new applications during paging neither duplicate nor shift items", async () => {
    const first = (await getJson("/opportunities?limit=10")).body;
    const posting = sim.state().accounts[0]!.postings[0]!;
    await sim.addApplication({ postingId: posting.id, name: "Late Comer", email: "late@example.com" });
    const rest: string[] = [];
    let offset = first.next;
    while (offset) {
      const page = (await getJson(`/opportunities?limit=10&offset=${encodeURIComponent(offset)}`)).body;
      rest.push(...page.data.map((o) => o.id as string));
      offset = page.next;
    }
    const ids = [...first.data.map((o) => o.id as string), ...rest];
    expect(new Set(ids).size).toBe(ids.length);
    expect((await getJson("/opportunities?limit=100")).body.data.map((o) => o.id)).toEqual(ids);
  });

  it("rejects a made-up or tampered offset and an out-of-range limit with 400", async () => {
    const page = (await getJson("/opportunities?limit=5")).body;
    const raw = JSON.parse(Buffer.from(page.next!, "base64url").toString()) as Record<string, unknown>;
    const tampered = Buffer.from(JSON.stringify({ ...raw, k: 0 })).toString("base64url");
    for (const q of ["offset=5", `offset=${tampered}`, "limit=0", "limit=101", "limit=abc"]) {
      const { status, body } = await getJson<{ code: string; message: string }>(`/opportunities?${q}`);
      expect(status, q).toBe(400);
      expect(body.code).toBe("BAD_REQUEST");
    }
    // A postings offset is not valid for opportunities.
    const postings = (await getJson("/postings?limit=1")).body;
    expect((await getJson(`/opportunities?offset=${postings.next}`)).status).toBe(400);
  });
});

describe("postings", () => {
  it("filters and hides confidential postings unless scope + confidentiality=all", async () => {
    const all = (await getJson("/postings")).body.data;
    expect(all.length).toBe(7);
    expect(all.every((p) => p.confidentiality === "non-confidential")).toBe(true);
    const withConf = (await getJson("/postings?confidentiality=all")).body.data;
    expect(withConf.length).toBe(8);
    const published = (await getJson("/postings?state=published")).body.data;
    expect(published.every((p) => p.state === "published")).toBe(true);
    const closed = (await getJson("/postings?state=closed")).body.data;
    expect(closed.length).toBe(1);
    const team = (await getJson("/postings?team=Hardware")).body.data;
    expect(team.length).toBe(2);
    const p = withConf[0] as { content: { lists: Array<{ text: string; content: string }> } };
    expect(p.content.lists.some((l) => l.content.includes("<li>"))).toBe(true);

    const noConf = (await connect(sim, { scope: "postings:read:admin" })).access_token;
    expect((await getJson("/postings?confidentiality=all", noConf)).body.data.length).toBe(7);
    const confId = withConf.find((x) => x.confidentiality === "confidential")!.id as string;
    expect((await getJson(`/postings/${confId}`, noConf)).status).toBe(404);
    expect((await getJson(`/postings/${confId}`)).status).toBe(200);
  });

  it("seeds a confidential posting with applicants in every account, each opportunity marked confidential as in Lever", async () => {
    const seeded = createLeverSim({ opportunitiesPerAccount: 120, rateLimit: false });
    for (const accountIndex of [0, 1]) {
      const t = (await connect(seeded, { account: accountIndex })).access_token;
      const get = async (path: string, tok = t) => {
        const res = await api(seeded, tok, "GET", path);
        return { status: res.status, body: (await res.json()) as Page };
      };
      const confidential = (await get("/postings?confidentiality=confidential")).body.data;
      expect(confidential.length).toBeGreaterThanOrEqual(1);
      const postingId = confidential[0]!.id as string;
      const applicants = (await get(`/opportunities?posting_id=${postingId}&confidentiality=all`)).body.data;
      expect(applicants.length).toBeGreaterThanOrEqual(2);
      expect(applicants.every((o) => o.confidentiality === "confidential")).toBe(true);
      // Without confidentiality=all a list leaves them out; without the scope they do not exist.
      expect((await get(`/opportunities?posting_id=${postingId}`)).body.data).toEqual([]);
      const narrow = (await connect(seeded, { account: accountIndex, scope: "opportunities:read:admin postings:read:admin" })).access_token;
      expect((await get(`/opportunities/${applicants[0]!.id as string}`, narrow)).status).toBe(404);
    }
    seeded.dispose();
  });

  it("answers 403 when the token lacks the scope", async () => {
    const narrow = (await connect(sim, { scope: "postings:read:admin" })).access_token;
    const res = await getJson<{ code: string }>("/opportunities", narrow);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("FORBIDDEN");
  });
});

describe("opportunities", () => {
  it("filters by archived, posting_id, stage_id and email; expand inlines objects", async () => {
    const all = (await getJson("/opportunities?confidentiality=all")).body.data;
    const archived = (await getJson("/opportunities?archived=true&confidentiality=all")).body.data;
    const active = (await getJson("/opportunities?archived=false&confidentiality=all")).body.data;
    expect(archived.length + active.length).toBe(all.length);
    expect(archived.every((o) => o.archived !== null)).toBe(true);

    const target = all[3]!;
    const [email] = target.emails as string[];
    const byEmail = (await getJson(`/opportunities?email=${encodeURIComponent(email!)}&confidentiality=all`)).body.data;
    expect(byEmail.map((o) => o.id)).toContain(target.id);

    const expanded = (await getJson(`/opportunities/${target.id as string}?expand=applications,stage,owner`)).body as unknown as {
      data: { applications: Array<{ posting: string; customQuestions: unknown[] }>; stage: { id: string; text: string }; owner: { id: string } };
    };
    const postingId = expanded.data.applications[0]!.posting;
    expect(expanded.data.stage.text).toBeTruthy();
    expect(expanded.data.owner.id).toBeTruthy();
    const byPosting = (await getJson(`/opportunities?posting_id=${postingId}&confidentiality=all`)).body.data;
    expect(byPosting.map((o) => o.id)).toContain(target.id);
    const byStage = (await getJson(`/opportunities?stage_id=${expanded.data.stage.id}&confidentiality=all`)).body.data;
    expect(byStage.every((o) => o.stage === expanded.data.stage.id)).toBe(true);
  });

  it("serves résumés with parsedData and real PDF/DOCX bytes; unprocessable files answer 422", async () => {
    const big = createLeverSim({ opportunitiesPerAccount: 250, rateLimit: false, seed: 3 });
    const t = (await connect(big)).access_token;
    const ctxOpps = big.context.world.accounts[0]!.opportunities.filter((o) => o.confidentiality === "non-confidential");
    const pdf = ctxOpps.find((o) => o.resumes[0]?.ext === "pdf" && o.resumes[0].status === "processed")!;
    const docx = ctxOpps.find((o) => o.resumes[0]?.ext === "docx" && o.resumes[0].status === "processed")!;
    const broken = ctxOpps.find((o) => o.resumes[0]?.status === "error")!;
    expect(pdf && docx && broken).toBeTruthy();

    const list = (await (await api(big, t, "GET", `/opportunities/${pdf.id}/resumes`)).json()) as Page<{
      id: string;
      file: { ext: string; size: number; status: string; name: string };
      parsedData: { positions: Array<{ org: string; title: string; start: { year: number } }>; schools: unknown[] };
    }>;
    const resume = list.data[0]!;
    expect(resume.file).toMatchObject({ ext: "pdf", status: "processed" });
    expect(resume.parsedData.positions[0]!.org).toBeTruthy();
    expect(resume.parsedData.positions[0]!.start.year).toBeGreaterThan(1980);
    const dl = await api(big, t, "GET", `/opportunities/${pdf.id}/resumes/${resume.id}/download`);
    expect(dl.status).toBe(200);
    expect(dl.headers.get("content-type")).toBe("application/pdf");
    const bytes = Buffer.from(await dl.arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bytes.length).toBe(resume.file.size);
    // The résumé text is in the content stream (first line = the candidate's name, upper-cased).
    expect(bytes.toString("latin1")).toContain(`(${pdf.name.toUpperCase()}) Tj`);

    const ddl = await api(big, t, "GET", `/opportunities/${docx.id}/resumes/${docx.resumes[0]!.id}/download`);
    expect(ddl.headers.get("content-type")).toContain("wordprocessingml");
    expect(Buffer.from(await ddl.arrayBuffer()).subarray(0, 2).toString()).toBe("PK");

    const bad = await api(big, t, "GET", `/opportunities/${broken.id}/resumes/${broken.resumes[0]!.id}/download`);
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({ code: "UNPROCESSABLE_ENTITY" });

    const withFile = ctxOpps.find((o) => o.files.some((f) => f.status === "processed"))!;
    const files = (await (await api(big, t, "GET", `/opportunities/${withFile.id}/files`)).json()) as Page<{ id: string; status: string }>;
    const f = files.data.find((x) => x.status === "processed")!;
    expect((await api(big, t, "GET", `/opportunities/${withFile.id}/files/${f.id}/download`)).status).toBe(200);
  });

  it("reference data: stages, archive reasons by type, users by email", async () => {
    const stages = (await getJson("/stages")).body.data;
    expect(stages.map((s) => s.text)).toEqual(["New lead", "Reached out", "Responded", "New applicant", "Recruiter screen", "Phone interview", "On-site interview", "Offer"]);
    const nonHired = (await getJson("/archive_reasons?type=non-hired")).body.data;
    expect(nonHired.every((r) => r.type === "non-hired")).toBe(true);
    expect(nonHired.some((r) => r.status === "inactive")).toBe(true);
    const hired = (await getJson("/archive_reasons?type=hired")).body.data;
    expect(hired.length).toBeGreaterThan(0);
    const admin = sim.state().accounts[0]!.users[0]!;
    const users = (await getJson(`/users?email=${encodeURIComponent(admin.email.toUpperCase())}`)).body.data;
    expect(users.map((u) => u.id)).toEqual([admin.id]);
    expect(users[0]).toMatchObject({ accessRole: "super admin", deactivatedAt: null });
  });
});

describe("writes", () => {
  const firstOpp = async () => (await getJson("/opportunities?limit=1&archived=false")).body.data[0]!.id as string;

  it("notes: POST 201 {noteId}; PUT and DELETE only for notes made through the API", async () => {
    const oppId = await firstOpp();
    const performer = sim.state().accounts[0]!.users.find((u) => u.accessRole === "team member")!.id;
    const res = await api(sim, token, "POST", `/opportunities/${oppId}/notes?perform_as=${performer}`, { value: "Score 82/100: strong match", score: 4 });
    expect(res.status).toBe(201);
    const { data } = (await res.json()) as { data: { noteId: string } };
    expect(Object.keys(data)).toEqual(["noteId"]);

    expect((await api(sim, token, "POST", `/opportunities/${oppId}/notes`, { score: 2 })).status).toBe(400);
    expect((await api(sim, token, "POST", `/opportunities/${oppId}/notes`, { value: "x", score: 5 })).status).toBe(400);

    const put = await api(sim, token, "PUT", `/opportunities/${oppId}/notes/${data.noteId}`, { value: "Score 85/100" });
    expect(put.status).toBe(200);
    let state = sim.state();
    expect(state.notes).toHaveLength(1);
    expect(state.notes[0]).toMatchObject({ opportunityId: oppId, value: "Score 85/100", score: null, deleted: false });

    const human = sim.context.world.notes.find((n) => !n.viaApi)!;
    const humanPut = await api(sim, token, "PUT", `/opportunities/${human.opportunityId}/notes/${human.id}`, { value: "hijack" });
    expect(humanPut.status).toBe(403);
    expect((await api(sim, token, "DELETE", `/opportunities/${human.opportunityId}/notes/${human.id}`)).status).toBe(403);

    expect((await api(sim, token, "DELETE", `/opportunities/${oppId}/notes/${data.noteId}`)).status).toBe(204);
    state = sim.state();
    expect(state.notes[0]!.deleted).toBe(true);
    expect((await api(sim, token, "PUT", `/opportunities/${oppId}/notes/${data.noteId}`, { value: "again" })).status).toBe(404);
  });

  it("perform_as must be an active user of the account", async () => {
    const oppId = await firstOpp();
    const other = sim.state().accounts[1]!.users[0]!.id;
    expect((await api(sim, token, "POST", `/opportunities/${oppId}/notes?perform_as=${other}`, { value: "x" })).status).toBe(400);
    const gone = sim.state().accounts[0]!.users.find((u) => u.deactivatedAt)!.id;
    expect((await api(sim, token, "PUT", `/opportunities/${oppId}/stage?perform_as=${gone}`, { stage: "offer" })).status).toBe(400);
  });

  it("stage changes, archive (active reasons only), unarchive and tags are applied and recorded", async () => {
    const oppId = await firstOpp();
    const admin = sim.state().accounts[0]!.users[0]!.id;
    expect((await api(sim, token, "PUT", `/opportunities/${oppId}/stage`, { stage: "nope" })).status).toBe(400);
    const staged = await api(sim, token, "PUT", `/opportunities/${oppId}/stage?perform_as=${admin}`, { stage: "offer" });
    expect(staged.status).toBe(200);
    expect(((await staged.json()) as { data: { stage: string } }).data.stage).toBe("offer");

    const reasons = sim.state().accounts[0]!.archiveReasons;
    const inactive = reasons.find((r) => r.status === "inactive")!;
    const active = reasons.find((r) => r.status === "active" && r.type === "non-hired")!;
    const refused = await api(sim, token, "PUT", `/opportunities/${oppId}/archived`, { reason: inactive.id });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toMatch(/inactive/);
    expect((await api(sim, token, "PUT", `/opportunities/${oppId}/archived`, {})).status).toBe(400);
    const archived = await api(sim, token, "PUT", `/opportunities/${oppId}/archived`, { reason: active.id });
    expect(((await archived.json()) as { data: { archived: { reason: string } } }).data.archived.reason).toBe(active.id);
    const unarchived = await api(sim, token, "PUT", `/opportunities/${oppId}/archived`, { reason: null });
    expect(((await unarchived.json()) as { data: { archived: unknown } }).data.archived).toBeNull();

    await api(sim, token, "POST", `/opportunities/${oppId}/addTags`, { tags: ["screened", "score:82"] });
    const removed = await api(sim, token, "POST", `/opportunities/${oppId}/removeTags`, { tags: ["screened"] });
    expect(((await removed.json()) as { data: { tags: string[] } }).data.tags).toContain("score:82");
    expect((await api(sim, token, "POST", `/opportunities/${oppId}/addTags`, { tags: [] })).status).toBe(400);

    const state = sim.state();
    expect(state.stageChanges).toEqual([expect.objectContaining({ opportunityId: oppId, toStageId: "offer", performAs: admin })]);
    expect(state.archives.map((a) => a.reason)).toEqual([active.id, null]);
    expect(state.tags.map((t) => [t.action, t.tags])).toEqual([
      ["add", ["screened", "score:82"]],
      ["remove", ["screened"]],
    ]);
    expect(state.requests["PUT /v1/opportunities/:id/stage"]).toEqual({ "200": 1, "400": 1 });
  });
});

describe("rate limit and faults", () => {
  it("answers 429 TOO_MANY_REQUESTS after the burst, per account and client", async () => {
    const limited = createLeverSim({ opportunitiesPerAccount: 5, rateLimit: { ratePerSec: 10, burst: 20 } });
    const t = await connect(limited);
    // Only advanceClock moves time from here, so the bucket does not refill while the calls run.
    limited.freezeClock(true);
    const statuses = await Promise.all(Array.from({ length: 25 }, () => api(limited, t.access_token, "GET", "/stages").then((r) => r.status)));
    expect(statuses.filter((s) => s === 200).length).toBe(20);
    expect(statuses.filter((s) => s === 429).length).toBe(5);
    const res = await api(limited, t.access_token, "GET", "/stages");
    expect(res.status).toBe(429);
    expect(await res.json()).toMatchObject({ code: "TOO_MANY_REQUESTS" });
    expect(res.headers.get("retry-after")).toBeNull();
    // A second token of the same account and client shares the bucket; another account does not.
    const same = await connect(limited);
    expect((await api(limited, same.access_token, "GET", "/stages")).status).toBe(429);
    const other = await connect(limited, { account: 1 });
    expect((await api(limited, other.access_token, "GET", "/stages")).status).toBe(200);
    // Steady rate refills the bucket: a tenth of a second is one request.
    limited.advanceClock(100);
    expect((await api(limited, t.access_token, "GET", "/stages")).status).toBe(200);
    expect((await api(limited, t.access_token, "GET", "/stages")).status).toBe(429);
    limited.advanceClock(250);
    expect((await api(limited, t.access_token, "GET", "/stages")).status).toBe(200);
  });

  it("injects faults on /v1 only, honours count, is reproducible with the same seed", async () => {
    sim.setFaults({ status: 503, rate: 1, count: 2 });
    expect((await api(sim, token, "GET", "/stages")).status).toBe(503);
    // OAuth endpoints are not affected.
    expect((await connect(sim)).access_token).toBeTruthy();
    expect((await api(sim, token, "GET", "/stages")).status).toBe(503);
    expect((await api(sim, token, "GET", "/stages")).status).toBe(200);

    const run = async () => {
      const s = createLeverSim({ opportunitiesPerAccount: 5, rateLimit: false, seed: 11 });
      const t = (await connect(s)).access_token;
      await s.handle(new Request(`${s.baseUrl}/_sim/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ status: 500, rate: 0.5 }) }));
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await api(s, t, "GET", "/stages")).status);
      await s.handle(new Request(`${s.baseUrl}/_sim/faults`, { method: "DELETE" }));
      out.push((await api(s, t, "GET", "/stages")).status);
      return out;
    };
    const a = await run();
    expect(a).toEqual(await run());
    expect(a.slice(0, 20)).toContain(500);
    expect(a.slice(0, 20)).toContain(200);
    expect(a[20]).toBe(200);

    sim.setFaults({ latencyMs: 60, rate: 1, count: 1 });
    const t0 = Date.now();
    expect((await api(sim, token, "GET", "/stages")).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(50);

    const bad = await sim.handle(new Request(`${sim.baseUrl}/_sim/faults`, { method: "POST", body: JSON.stringify({ status: 418, rate: 1 }) }));
    expect(bad.status).toBe(400);
  });
});

describe("seed", () => {
  it("is deterministic for a seed and start time", () => {
    const a = createLeverSim({ seed: 5, opportunitiesPerAccount: 30, startTime: 1_700_000_000_000 });
    const b = createLeverSim({ seed: 5, opportunitiesPerAccount: 30, startTime: 1_700_000_000_000 });
    const c = createLeverSim({ seed: 6, opportunitiesPerAccount: 30, startTime: 1_700_000_000_000 });
    const snap = (s: LeverSim) => JSON.stringify(s.context.world);
    expect(snap(a)).toBe(snap(b));
    expect(snap(a)).not.toBe(snap(c));
    // Postings do not move when the number of opportunities changes.
    const d = createLeverSim({ seed: 5, opportunitiesPerAccount: 3, startTime: 1_700_000_000_000 });
    expect(d.state().accounts[0]!.postings).toEqual(a.state().accounts[0]!.postings);
  });

  it("has varied, realistic résumés", () => {
    const s = createLeverSim({ seed: 2, opportunitiesPerAccount: 100 });
    const opps = s.context.world.accounts.flatMap((a) => a.opportunities);
    const texts = opps.flatMap((o) => o.resumes.map((r) => r.text));
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.every((t) => t.includes("EXPERIENCE") && t.includes("EDUCATION") && t.includes("SKILLS"))).toBe(true);
    const exts = new Set(opps.flatMap((o) => o.resumes.map((r) => r.ext)));
    expect(exts).toEqual(new Set(["pdf", "docx"]));
    expect(opps.some((o) => o.archived)).toBe(true);
    expect(opps.some((o) => o.applications[0]!.customQuestions.length > 0)).toBe(true);
  });
});
