/**
 * Harvest v3 under /v3: flat objects with integer ids, list endpoints paged by an opaque cursor in the `Link`
 * header (rel="next" only; with a cursor it must be the only query parameter), and the writes the product uses:
 * notes, move with the from_stage_id guard, reject with a required reason, unreject, and custom fields on
 * Enterprise accounts only.
 */
import { createHmac } from "node:crypto";
import type { SimContext } from "./context";
import { fail, failValidation, json, noContent, readJsonObject, route, validationError, type Route } from "./http";
import type { Principal } from "./oauth";
import type { AccountRec, ApplicationRec, AttachmentRec, CandidateRec, JobRec, NoteRec } from "./types";
import { emit } from "./webhooks";

export interface ApiCall {
  ctx: SimContext;
  request: Request;
  url: URL;
  principal: Principal;
  account: AccountRec;
}

/** Greenhouse documents signed attachment URLs as temporary; harvest v1 says 7 days. */
export const ATTACHMENT_URL_TTL_MS = 7 * 24 * 3600 * 1000;
const MAX_PER_PAGE = 500;
const DEFAULT_PER_PAGE = 100;

const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

function requireScope(call: ApiCall, scope: string): void {
  if (!call.principal.scopes.has(scope)) fail(403, `This token lacks the scope ${scope}`);
}

// ---------------------------------------------------------------------------------------------------
// Serializers

export function jobJson(j: JobRec) {
  return {
    id: j.id, name: j.name, requisition_id: j.requisition_id, status: j.status, confidential: j.confidential,
    department: { name: j.department }, office: { name: j.office }, employment_type: j.employment_type,
    created_at: iso(j.created_at), updated_at: iso(j.updated_at), opened_at: iso(j.opened_at),
  };
}

/** A job post id is derived from its job: one post per job here. */
const postId = (j: JobRec) => j.id + 1_000_000;

function jobPostJson(j: JobRec) {
  return { id: postId(j), job_id: j.id, title: j.name, location: { name: j.location }, content: j.content, live: j.status === "open", active: j.status !== "closed", created_at: iso(j.created_at), updated_at: iso(j.updated_at) };
}

export function applicationJson(account: AccountRec, a: ApplicationRec) {
  return {
    id: a.id, candidate_id: a.candidate_id, job_id: a.job_id, stage_id: a.stage_id, status: a.status, source: { public_name: a.source },
    applied_at: iso(a.applied_at), created_at: iso(a.created_at), updated_at: iso(a.updated_at), last_activity_at: iso(a.last_activity_at),
    rejected_at: iso(a.rejected_at), rejection_reason_id: a.rejection_reason_id, answers: a.answers.map((x) => ({ ...x })),
    custom_fields: account.enterprise ? { ...a.custom_fields } : {},
  };
}

export function candidateJson(c: CandidateRec) {
  return {
    id: c.id, first_name: c.first_name, last_name: c.last_name, company: c.company, title: c.title,
    email_addresses: c.email_addresses.map((e) => ({ ...e })), phone_numbers: c.phone_numbers.map((p) => ({ ...p })), tags: [...c.tags],
    created_at: iso(c.created_at), updated_at: iso(c.updated_at), last_activity_at: iso(c.last_activity_at),
  };
}

export function signAttachment(ctx: SimContext, id: number, expires: number): string {
  return createHmac("sha256", ctx.secret).update(`attachment:${id}:${expires}`).digest("hex");
}

function attachmentJson(ctx: SimContext, a: AttachmentRec) {
  const expires = Math.floor((ctx.now() + ATTACHMENT_URL_TTL_MS) / 1000);
  const url = `${ctx.baseUrl}/attachments/${a.id}/${encodeURIComponent(a.filename)}?expires=${expires}&signature=${signAttachment(ctx, a.id, expires)}`;
  return { id: a.id, candidate_id: a.candidate_id, application_id: a.application_id, filename: a.filename, type: a.type, url, created_at: iso(a.created_at) };
}

export function noteJson(n: NoteRec) {
  return { id: n.id, candidate_id: n.candidate_id, application_id: n.application_id, user_id: n.user_id, body: n.body, visibility: n.visibility, created_at: iso(n.created_at) };
}

// ---------------------------------------------------------------------------------------------------
// Cursor paging and filters

interface Cursor {
  r: string;
  q: string;
  n: number;
  a: number;
}

function encodeCursor(ctx: SimContext, c: Cursor): string {
  const body = Buffer.from(JSON.stringify(c)).toString("base64url");
  return `${body}.${createHmac("sha256", ctx.secret).update(body).digest("base64url").slice(0, 22)}`;
}

function decodeCursor(ctx: SimContext, raw: string, routeName: string): Cursor {
  const [body = "", mac = ""] = raw.split(".");
  const expected = createHmac("sha256", ctx.secret).update(body).digest("base64url").slice(0, 22);
  let c: Cursor | null = null;
  if (mac === expected) {
    try {
      c = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Cursor;
    } catch {
      c = null;
    }
  }
  if (!c || c.r !== routeName) return failValidation("cursor", "The cursor is invalid; take it unchanged from the Link header");
  return c;
}

type Filter<T> = (query: URLSearchParams) => (item: T) => boolean;

const TIME_FILTER = /^(created_at|updated_at|last_activity_at)\[(gte|lte|gt|lt)\]$/;

/** `created_at[gte]=<ISO 8601>` and friends on the listed fields; a malformed date is a 422. */
function timeFilters<T>(fields: Array<"created_at" | "updated_at" | "last_activity_at">): Filter<T> {
  return (query) => {
    const tests: Array<(x: T) => boolean> = [];
    for (const [key, value] of query) {
      const m = TIME_FILTER.exec(key);
      if (!m) continue;
      const field = m[1] as "created_at";
      if (!fields.includes(field)) failValidation(key, `${field} cannot be filtered on this endpoint`);
      const t = Date.parse(value);
      if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(t)) failValidation(key, "must be an ISO 8601 timestamp, e.g. 2024-01-01T00:00:00Z");
      const op = m[2];
      tests.push((x) => {
        const v = (x as Record<string, number>)[field]!;
        return op === "gte" ? v >= t : op === "lte" ? v <= t : op === "gt" ? v > t : v < t;
      });
    }
    return (x) => tests.every((f) => f(x));
  };
}

function intList(query: URLSearchParams, key: string): number[] | null {
  const raw = query.get(key);
  if (raw === null) return null;
  const ids = raw.split(",").map((s) => Number(s.trim()));
  if (ids.some((n) => !Number.isInteger(n) || n <= 0)) failValidation(key, "must be a comma-separated list of integer ids");
  return ids;
}

function allOf<T>(...filters: Filter<T>[]): Filter<T> {
  return (query) => {
    const preds = filters.map((f) => f(query));
    return (x) => preds.every((p) => p(x));
  };
}

function paginate<T extends { id: number }>(call: ApiCall, routeName: string, all: T[], filter: Filter<T>, toJson: (x: T) => unknown): Response {
  const params = call.url.searchParams;
  let query: URLSearchParams;
  let perPage = DEFAULT_PER_PAGE;
  let after = 0;
  if (params.has("cursor")) {
    if ([...params.keys()].some((k) => k !== "cursor")) return validationError([{ field: "cursor", message: "When cursor is given it must be the only query parameter" }]);
    const c = decodeCursor(call.ctx, params.get("cursor")!, routeName);
    query = new URLSearchParams(c.q);
    perPage = c.n;
    after = c.a;
  } else {
    query = new URLSearchParams(params);
    const raw = query.get("per_page");
    if (raw !== null) {
      perPage = Number(raw);
      if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) return validationError([{ field: "per_page", message: `must be an integer from 1 to ${MAX_PER_PAGE}` }]);
      query.delete("per_page");
    }
  }
  const pred = filter(query);
  // Keyset by id: records created while a client pages land after its cursor, so nothing repeats or is skipped.
  const matching = all.filter((x) => x.id > after && pred(x)).sort((a, b) => a.id - b.id);
  const page = matching.slice(0, perPage);
  const headers: Record<string, string> = {};
  if (matching.length > perPage) {
    const cursor = encodeCursor(call.ctx, { r: routeName, q: query.toString(), n: perPage, a: page[page.length - 1]!.id });
    headers.link = `<${call.ctx.baseUrl}/v3/${routeName}?cursor=${cursor}>; rel="next"`;
  }
  return json(200, page.map(toJson), headers);
}

// ---------------------------------------------------------------------------------------------------
// Writes

function findApplication(call: ApiCall, raw: string): ApplicationRec {
  const id = Number(raw);
  const app = Number.isInteger(id) ? call.account.applications.find((a) => a.id === id) : undefined;
  return app ?? fail(404, `Application ${raw} not found`);
}

function touch(call: ApiCall, app: ApplicationRec): void {
  const now = call.ctx.now();
  app.updated_at = app.last_activity_at = now;
  const c = call.account.candidates.find((x) => x.id === app.candidate_id);
  if (c) c.updated_at = c.last_activity_at = now;
}

/** The web hook payload: the application with its candidate and job nested, as Greenhouse sends it. */
export function applicationPayload(ctx: SimContext, account: AccountRec, app: ApplicationRec) {
  const candidate = account.candidates.find((c) => c.id === app.candidate_id);
  const job = account.jobs.find((j) => j.id === app.job_id);
  const stage = job?.stages.find((s) => s.id === app.stage_id);
  return {
    application: {
      ...applicationJson(account, app),
      current_stage: stage ? { id: stage.id, name: stage.name } : null,
      candidate: candidate
        ? { ...candidateJson(candidate), attachments: account.attachments.filter((a) => a.application_id === app.id).map((a) => attachmentJson(ctx, a)) }
        : null,
      jobs: job ? [{ id: job.id, name: job.name, requisition_id: job.requisition_id, status: job.status }] : [],
    },
  };
}

function intField(body: Record<string, unknown>, field: string, required: boolean): number | null {
  const v = body[field];
  if (v === undefined || v === null) return required ? failValidation(field, `${field} is required`) : null;
  if (typeof v !== "number" || !Number.isInteger(v)) return failValidation(field, `${field} must be an integer id`);
  return v;
}

const VISIBILITIES = ["admin_only", "private", "public"] as const;

export const apiRoutes: Route<ApiCall>[] = [
  route("GET", "/v3/jobs", (call) => {
    requireScope(call, "harvest:jobs:list");
    const statuses = ["open", "closed", "draft"];
    return paginate(call, "jobs", call.account.jobs, allOf(timeFilters(["created_at", "updated_at"]), (q) => {
      const status = q.get("status");
      if (status !== null && !statuses.includes(status)) failValidation("status", "must be open, closed or draft");
      const ids = intList(q, "ids");
      return (j) => (status === null || j.status === status) && (!ids || ids.includes(j.id));
    }), jobJson);
  }),
  route("GET", "/v3/jobs/:id", (call, { id }) => {
    requireScope(call, "harvest:jobs:list");
    const job = call.account.jobs.find((j) => String(j.id) === id) ?? fail(404, `Job ${id} not found`);
    return json(200, jobJson(job));
  }),
  route("GET", "/v3/job_posts", (call) => {
    requireScope(call, "harvest:jobs:list");
    return paginate(call, "job_posts", call.account.jobs.map((j) => ({ ...j, id: postId(j), jobId: j.id })), (q) => {
      const jobIds = intList(q, "job_id");
      return (p) => !jobIds || jobIds.includes(p.jobId);
    }, (p) => jobPostJson({ ...p, id: p.jobId }));
  }),
  route("GET", "/v3/job_interview_stages", (call) => {
    requireScope(call, "harvest:job_interview_stages:list");
    return paginate(call, "job_interview_stages", call.account.jobs.flatMap((j) => j.stages), (q) => {
      const jobIds = intList(q, "job_id");
      return (s) => !jobIds || jobIds.includes(s.job_id);
    }, (s) => ({ ...s }));
  }),
  route("GET", "/v3/rejection_reasons", (call) => {
    requireScope(call, "harvest:rejection_reasons:list");
    return paginate(call, "rejection_reasons", call.account.rejectionReasons, () => () => true, (r) => ({ id: r.id, name: r.name, type: { ...r.type } }));
  }),
  route("GET", "/v3/users", (call) => {
    requireScope(call, "harvest:users:list");
    return paginate(call, "users", call.account.users, allOf(timeFilters(["created_at", "updated_at"]), (q) => {
      const email = q.get("email")?.toLowerCase();
      return (u) => !email || u.primary_email_address.toLowerCase() === email;
    }), (u) => ({ id: u.id, first_name: u.first_name, last_name: u.last_name, name: u.name, primary_email_address: u.primary_email_address, site_admin: u.site_admin, disabled: u.disabled, created_at: iso(u.created_at), updated_at: iso(u.updated_at) }));
  }),
  route("GET", "/v3/applications", (call) => {
    requireScope(call, "harvest:applications:list");
    const statuses = ["active", "rejected", "hired"];
    return paginate(call, "applications", call.account.applications, allOf(timeFilters(["created_at", "updated_at", "last_activity_at"]), (q) => {
      const status = q.get("status");
      const jobIds = intList(q, "job_id");
      const candidateIds = intList(q, "candidate_id");
      const ids = intList(q, "ids");
      // Harvest answers an unknown status with an empty list rather than an error.
      return (a) => (status === null || (statuses.includes(status) && a.status === status)) && (!jobIds || jobIds.includes(a.job_id)) && (!candidateIds || candidateIds.includes(a.candidate_id)) && (!ids || ids.includes(a.id));
    }), (a) => applicationJson(call.account, a));
  }),
  route("GET", "/v3/applications/:id", (call, { id }) => {
    requireScope(call, "harvest:applications:list");
    return json(200, applicationJson(call.account, findApplication(call, id)));
  }),
  route("GET", "/v3/candidates", (call) => {
    requireScope(call, "harvest:candidates:list");
    return paginate(call, "candidates", call.account.candidates, allOf(timeFilters(["created_at", "updated_at", "last_activity_at"]), (q) => {
      const ids = intList(q, "ids");
      const email = q.get("email")?.toLowerCase();
      return (c) => (!ids || ids.includes(c.id)) && (!email || c.email_addresses.some((e) => e.value.toLowerCase() === email));
    }), candidateJson);
  }),
  route("GET", "/v3/candidates/:id", (call, { id }) => {
    requireScope(call, "harvest:candidates:list");
    const c = call.account.candidates.find((x) => String(x.id) === id) ?? fail(404, `Candidate ${id} not found`);
    return json(200, candidateJson(c));
  }),
  route("GET", "/v3/attachments", (call) => {
    requireScope(call, "harvest:attachments:list");
    return paginate(call, "attachments", call.account.attachments, allOf(timeFilters(["created_at"]), (q) => {
      const appIds = intList(q, "application_ids");
      const candidateIds = intList(q, "candidate_id");
      const type = q.get("type");
      if (type !== null && type !== "resume" && type !== "cover_letter") failValidation("type", "must be resume or cover_letter");
      return (a) => (!appIds || appIds.includes(a.application_id)) && (!candidateIds || candidateIds.includes(a.candidate_id)) && (type === null || a.type === type);
    }), (a) => attachmentJson(call.ctx, a));
  }),
  route("GET", "/v3/notes", (call) => {
    requireScope(call, "harvest:notes:list");
    return paginate(call, "notes", call.account.notes, allOf(timeFilters(["created_at"]), (q) => {
      const candidateIds = intList(q, "candidate_id");
      return (n) => !candidateIds || candidateIds.includes(n.candidate_id);
    }), noteJson);
  }),
  route("POST", "/v3/notes", async (call) => {
    requireScope(call, "harvest:notes:create");
    const body = await readJsonObject(call.request);
    const candidateId = intField(body, "candidate_id", true)!;
    const applicationId = intField(body, "application_id", false);
    const candidate = call.account.candidates.find((c) => c.id === candidateId) ?? fail(404, `Candidate ${candidateId} not found`);
    if (applicationId !== null && !call.account.applications.some((a) => a.id === applicationId && a.candidate_id === candidate.id)) failValidation("application_id", "does not belong to this candidate");
    if (typeof body.body !== "string" || !body.body.trim()) failValidation("body", "body is required");
    const visibility = body.visibility ?? "admin_only";
    if (!VISIBILITIES.includes(visibility as (typeof VISIBILITIES)[number])) failValidation("visibility", "must be admin_only, private or public");
    const userId = intField(body, "user_id", false) ?? call.principal.userId;
    if (!call.account.users.some((u) => u.id === userId && !u.disabled)) failValidation("user_id", "must be an active user of this account");
    const note: NoteRec = { id: call.ctx.ids.take("note"), candidate_id: candidate.id, application_id: applicationId, user_id: userId, body: body.body as string, visibility: visibility as NoteRec["visibility"], created_at: call.ctx.now(), client_id: call.principal.clientId };
    call.account.notes.push(note);
    candidate.updated_at = candidate.last_activity_at = note.created_at;
    return json(201, noteJson(note));
  }),
  route("POST", "/v3/applications/:id/move", async (call, { id }) => {
    requireScope(call, "harvest:applications:move");
    const app = findApplication(call, id);
    const body = await readJsonObject(call.request);
    const from = intField(body, "from_stage_id", true);
    const to = intField(body, "to_stage_id", true);
    if (app.status !== "active") failValidation("application", `Only active applications can be moved; this one is ${app.status}`);
    if (from !== app.stage_id) failValidation("from_stage_id", "does not match the application's current stage");
    const job = call.account.jobs.find((j) => j.id === app.job_id)!;
    if (!job.stages.some((s) => s.id === to)) failValidation("to_stage_id", "is not a stage of this application's job");
    app.stage_id = to!;
    touch(call, app);
    await emit(call.ctx, call.account.id, "candidate_stage_change", applicationPayload(call.ctx, call.account, app));
    return noContent();
  }),
  route("POST", "/v3/applications/:id/reject", async (call, { id }) => {
    requireScope(call, "harvest:applications:reject");
    const app = findApplication(call, id);
    const body = await readJsonObject(call.request);
    const reasonId = intField(body, "rejection_reason_id", true);
    if (!call.account.rejectionReasons.some((r) => r.id === reasonId)) failValidation("rejection_reason_id", "is not a rejection reason of this account");
    if (body.notes !== undefined && typeof body.notes !== "string") failValidation("notes", "must be a string");
    if (app.status !== "active") failValidation("application", `Only active applications can be rejected; this one is ${app.status}`);
    app.status = "rejected";
    app.rejection_reason_id = reasonId;
    app.rejected_at = call.ctx.now();
    touch(call, app);
    await emit(call.ctx, call.account.id, "reject_candidate", applicationPayload(call.ctx, call.account, app));
    return noContent();
  }),
  route("POST", "/v3/applications/:id/unreject", async (call, { id }) => {
    requireScope(call, "harvest:applications:unreject");
    const app = findApplication(call, id);
    if (app.status !== "rejected") failValidation("application", "Only rejected applications can be unrejected");
    app.status = "active";
    app.rejection_reason_id = null;
    app.rejected_at = null;
    touch(call, app);
    await emit(call.ctx, call.account.id, "unreject_candidate", applicationPayload(call.ctx, call.account, app));
    return noContent();
  }),
  route("PATCH", "/v3/applications/:id", async (call, { id }) => {
    requireScope(call, "harvest:applications:update");
    const app = findApplication(call, id);
    const body = await readJsonObject(call.request);
    if (body.custom_fields !== undefined) {
      if (!call.account.enterprise) fail(403, "Custom fields are only available to Greenhouse Enterprise accounts");
      if (!Array.isArray(body.custom_fields)) failValidation("custom_fields", "must be an array of {name_key, value}");
      const updates: Array<[string, string | number | null]> = [];
      for (const entry of body.custom_fields as unknown[]) {
        const e = (entry ?? {}) as Record<string, unknown>;
        const field = call.account.customFields.find((f) => f.name_key === e.name_key || f.id === e.id);
        if (!field) return failValidation("custom_fields", `Unknown custom field ${String(e.name_key ?? e.id)}`);
        const v = e.value;
        const ok = v === null || (field.field_type === "number" ? typeof v === "number" && Number.isFinite(v) : typeof v === "string");
        if (!ok) return failValidation("custom_fields", `${field.name_key} must be ${field.field_type === "number" ? "a number" : "a string"}`);
        updates.push([field.name_key, v as string | number | null]);
      }
      for (const [k, v] of updates) app.custom_fields[k] = v;
    }
    touch(call, app);
    return json(200, applicationJson(call.account, app));
  }),
];
