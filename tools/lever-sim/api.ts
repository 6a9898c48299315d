/**
 * Lever REST API v1: Bearer JWT, scope checks, `{data}` envelopes, opaque offset pagination, filters,
 * writes (notes, stage, archive, tags) that are recorded for /_sim/state, and webhook management.
 */
import { createHmac } from "node:crypto";
import { findAccount, findOpportunity, type SimContext } from "./context";
import { CONTENT_TYPES, documentBytes } from "./files";
import { apiError, escapeHtml, fail, json, noContent, readJsonObject, route, type Route } from "./http";
import { hasScope, type Principal } from "./oauth";
import { emitEvent, newSignatureToken } from "./webhooks";
import {
  WEBHOOK_EVENTS,
  type AccountRec,
  type ApplicationRec,
  type FileRec,
  type NoteRec,
  type OpportunityRec,
  type PostingRec,
  type ResumeRec,
  type UserRec,
  type WebhookEvent,
  type WebhookRec,
} from "./types";

export interface ApiCall {
  ctx: SimContext;
  request: Request;
  url: URL;
  principal: Principal;
  account: AccountRec;
}

const ok = (data: unknown, status = 200) => json(status, { data });

function requireScope(c: ApiCall, resource: string, action: "read" | "write"): void {
  if (!hasScope(c.principal, resource, action)) {
    fail(403, "FORBIDDEN", `Missing scope: ${resource}:${action}:admin${action === "read" ? ` (or ${resource}:write:admin)` : ""}`);
  }
}

// ---------------------------------------------------------------------------------------------------
// Query parsing

function multi(url: URL, name: string): string[] {
  return url.searchParams
    .getAll(name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

function timeParam(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) return fail(400, "BAD_REQUEST", `${name} must be a timestamp in epoch milliseconds`);
  return n;
}

function inRange(value: number, url: URL, prefix: string): boolean {
  const start = timeParam(url, `${prefix}_start`);
  const end = timeParam(url, `${prefix}_end`);
  return (start === undefined || value >= start) && (end === undefined || value <= end);
}

function boolParam(url: URL, name: string): boolean | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === "") return undefined;
  if (raw === "true") return true;
  if (raw === "false") return false;
  return fail(400, "BAD_REQUEST", `${name} must be true or false`);
}

// ---------------------------------------------------------------------------------------------------
// Pagination: keyset over a stable sort key, so pages never repeat or skip items even if new ones arrive.
// The offset token is opaque: base64url JSON with an HMAC, so a hand-made or tampered offset is a 400.

interface Cursor {
  r: string;
  k: number;
  i: string;
}

function cursorMac(ctx: SimContext, c: Cursor): string {
  return createHmac("sha256", ctx.jwtKey).update(`${c.r}|${c.k}|${c.i}`).digest("base64url").slice(0, 16);
}

function encodeCursor(ctx: SimContext, c: Cursor): string {
  return Buffer.from(JSON.stringify({ ...c, s: cursorMac(ctx, c) })).toString("base64url");
}

function decodeCursor(ctx: SimContext, token: string, resource: string): Cursor {
  try {
    const raw = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as Partial<Cursor & { s: string }>;
    if (typeof raw.r === "string" && typeof raw.k === "number" && typeof raw.i === "string" && raw.r === resource) {
      const c = { r: raw.r, k: raw.k, i: raw.i };
      if (raw.s === cursorMac(ctx, c)) return c;
    }
  } catch {
    /* fall through */
  }
  return fail(400, "BAD_REQUEST", "Invalid offset: pass the `next` value of the previous page unchanged");
}

function paginate<T>(c: ApiCall, resource: string, items: T[], key: (t: T) => [number, string], render: (t: T) => unknown): Response {
  const rawLimit = c.url.searchParams.get("limit");
  let limit = 100;
  if (rawLimit !== null) {
    limit = Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) fail(400, "BAD_REQUEST", "limit must be an integer between 1 and 100");
  }
  const sorted = [...items].sort((a, b) => {
    const [ka, ia] = key(a);
    const [kb, ib] = key(b);
    return ka - kb || (ia < ib ? -1 : ia > ib ? 1 : 0);
  });
  let start = 0;
  const offset = c.url.searchParams.get("offset");
  if (offset) {
    const cur = decodeCursor(c.ctx, offset, resource);
    start = sorted.findIndex((t) => {
      const [k, i] = key(t);
      return k > cur.k || (k === cur.k && i > cur.i);
    });
    if (start < 0) start = sorted.length;
  }
  const page = sorted.slice(start, start + limit);
  const hasNext = start + limit < sorted.length;
  const body: Record<string, unknown> = { data: page.map(render), hasNext };
  const last = page[page.length - 1];
  if (hasNext && last !== undefined) {
    const [k, i] = key(last);
    body.next = encodeCursor(c.ctx, { r: resource, k, i });
  }
  return json(200, body);
}

// ---------------------------------------------------------------------------------------------------
// Serialisers (Lever's wire format)

function userJson(u: UserRec) {
  return {
    id: u.id,
    name: u.name,
    username: u.username,
    email: u.email,
    accessRole: u.accessRole,
    photo: null,
    createdAt: u.createdAt,
    deactivatedAt: u.deactivatedAt,
    externalDirectoryId: null,
    linkedContactIds: null,
    jobTitle: u.jobTitle,
    managerId: null,
  };
}

function postingJson(ctx: SimContext, p: PostingRec) {
  const listsHtml = p.lists.map((l) => ({ text: l.text, content: l.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("") }));
  const paragraphs = p.description.split("\n\n");
  return {
    id: p.id,
    text: p.text,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    user: p.ownerId,
    owner: p.ownerId,
    hiringManager: p.hiringManagerId,
    confidentiality: p.confidentiality,
    categories: { ...p.categories, allLocations: [p.categories.location] },
    content: {
      description: p.description,
      descriptionHtml: paragraphs.map((para) => `<div>${escapeHtml(para)}</div>`).join("<div><br></div>"),
      lists: listsHtml,
      closing: p.closing,
      closingHtml: `<div>${escapeHtml(p.closing)}</div>`,
    },
    country: p.categories.location.includes("ON") ? "CA" : "US",
    followers: [p.ownerId, p.hiringManagerId],
    tags: p.tags,
    state: p.state,
    distributionChannels: p.state === "published" ? ["public", "internal"] : p.state === "internal" ? ["internal"] : [],
    reqCode: null,
    requisitionCodes: [],
    workplaceType: p.workplaceType,
    urls: {
      list: `${ctx.baseUrl}/postings`,
      show: `${ctx.baseUrl}/postings/${p.id}`,
      apply: `${ctx.baseUrl}/postings/${p.id}/apply`,
    },
  };
}

function applicationJson(account: AccountRec, a: ApplicationRec) {
  const posting = account.postings.find((p) => p.id === a.postingId);
  return {
    id: a.id,
    opportunityId: a.opportunityId,
    createdAt: a.createdAt,
    type: a.type,
    posting: a.postingId,
    postingHiringManager: posting?.hiringManagerId ?? null,
    postingOwner: posting?.ownerId ?? null,
    name: a.name,
    email: a.email,
    phone: a.phone,
    company: a.company,
    links: a.links,
    comments: a.comments,
    user: a.userId,
    customQuestions: a.customQuestions.map((q) => ({ ...q, type: "posting", baseTemplateId: q.id })),
    archived: a.archived,
    requisitionForHire: null,
  };
}

export function opportunityJson(ctx: SimContext, account: AccountRec, o: OpportunityRec, expand: Set<string>) {
  const stage = account.stages.find((s) => s.id === o.stageId);
  const owner = account.users.find((u) => u.id === o.ownerId);
  return {
    id: o.id,
    name: o.name,
    headline: o.headline,
    contact: expand.has("contact")
      ? { id: o.contactId, name: o.name, headline: o.headline, emails: o.emails, phones: o.phones, location: { name: o.location }, isAnonymized: false }
      : o.contactId,
    emails: o.emails,
    phones: o.phones,
    confidentiality: o.confidentiality,
    location: o.location,
    links: o.links,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    lastInteractionAt: o.lastInteractionAt,
    lastAdvancedAt: o.lastAdvancedAt,
    snoozedUntil: null,
    archivedAt: o.archived?.archivedAt ?? null,
    archiveReason: o.archived?.reason ?? null,
    stage: expand.has("stage") ? (stage ?? null) : o.stageId,
    stageChanges: o.stageChanges,
    owner: expand.has("owner") ? (owner ? userJson(owner) : null) : o.ownerId,
    tags: o.tags,
    sources: o.sources,
    origin: o.origin,
    sourcedBy: o.origin === "sourced" ? o.ownerId : null,
    applications: expand.has("applications") ? o.applications.map((a) => applicationJson(account, a)) : o.applications.map((a) => a.id),
    resume: null,
    followers: expand.has("followers") ? o.followers.map((id) => account.users.find((u) => u.id === id)).filter(Boolean).map((u) => userJson(u!)) : o.followers,
    urls: { list: `${ctx.baseUrl}/candidates`, show: `${ctx.baseUrl}/candidates/${o.id}` },
    archived: o.archived,
    isAnonymized: false,
    dataProtection: null,
  };
}

function resumeJson(ctx: SimContext, o: OpportunityRec, r: ResumeRec) {
  return {
    id: r.id,
    createdAt: r.createdAt,
    file: {
      name: r.fileName,
      ext: r.ext,
      downloadUrl: `${ctx.baseUrl}/v1/opportunities/${o.id}/resumes/${r.id}/download`,
      uploadedAt: r.createdAt,
      status: r.status,
      size: documentBytes(r.ext, r.text, `${o.name} – résumé`).length,
    },
    parsedData: r.parsedData,
  };
}

function fileJson(ctx: SimContext, o: OpportunityRec, f: FileRec) {
  return {
    id: f.id,
    downloadUrl: `${ctx.baseUrl}/v1/opportunities/${o.id}/files/${f.id}/download`,
    ext: f.ext,
    name: f.name,
    uploadedAt: f.createdAt,
    status: f.status,
    size: documentBytes(f.ext, f.text, f.name).length,
  };
}

function noteJson(n: NoteRec) {
  const fields: Array<{ type: string; text: string; value: unknown }> = [{ type: "note", text: "Note", value: n.value }];
  if (n.score !== null) fields.push({ type: "score", text: "Rating", value: n.score });
  return { id: n.id, text: "", fields, user: n.userId, secret: n.secret, completedAt: n.createdAt, createdAt: n.createdAt, deletedAt: n.deletedAt };
}

export function webhookJson(w: WebhookRec) {
  return {
    id: w.id,
    url: w.url,
    event: w.event,
    configuration: { signatureToken: w.signatureToken, ...(w.conditions ? { conditions: w.conditions } : {}) },
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
  };
}

// ---------------------------------------------------------------------------------------------------
// Lookups respecting confidentiality

const canSeeConfidential = (c: ApiCall) => hasScope(c.principal, "confidential", "access");

function getOpportunity(c: ApiCall, id: string): OpportunityRec {
  const o = findOpportunity(c.account, id);
  if (!o || (o.confidentiality === "confidential" && !canSeeConfidential(c))) return fail(404, "NOT_FOUND", `Opportunity ${id} not found`);
  return o;
}

/** Lists show confidential records only with the confidential scope and an explicit confidentiality=all|confidential. */
function confidentialityFilter(c: ApiCall): (value: "confidential" | "non-confidential") => boolean {
  const raw = c.url.searchParams.get("confidentiality") ?? "non-confidential";
  if (!["all", "confidential", "non-confidential"].includes(raw)) fail(400, "BAD_REQUEST", "confidentiality must be one of all, confidential, non-confidential");
  const allowed = canSeeConfidential(c);
  return (value) => {
    if (value === "confidential" && !allowed) return false;
    if (raw === "all") return true;
    return value === raw;
  };
}

function expandSet(url: URL): Set<string> {
  return new Set(multi(url, "expand"));
}

/** perform_as: an active user of the account. Lever's default when omitted is unverified: configurable. */
function performAs(c: ApiCall): string {
  const raw = c.url.searchParams.get("perform_as");
  if (raw) {
    const user = c.account.users.find((u) => u.id === raw);
    if (!user) return fail(400, "BAD_REQUEST", `perform_as: no user ${raw} in this account`);
    if (user.deactivatedAt) return fail(400, "BAD_REQUEST", `perform_as: user ${raw} is deactivated`);
    return user.id;
  }
  if (c.ctx.opts.performAsDefault === "required") return fail(400, "BAD_REQUEST", "perform_as is required");
  return c.principal.userId;
}

function touch(c: ApiCall, o: OpportunityRec): void {
  const now = c.ctx.now();
  o.updatedAt = now;
  o.lastInteractionAt = now;
}

// ---------------------------------------------------------------------------------------------------
// Routes

export const apiRoutes: Route<ApiCall>[] = [
  // Postings
  route("GET", "/v1/postings", (c) => {
    requireScope(c, "postings", "read");
    const u = c.url;
    const states = multi(u, "state");
    const f = (name: string) => multi(u, name).map((v) => v.toLowerCase());
    const [teams, departments, locations, commitments, levels, tags] = ["team", "department", "location", "commitment", "level", "tag"].map(f) as string[][];
    const conf = confidentialityFilter(c);
    const items = c.account.postings.filter(
      (p) =>
        conf(p.confidentiality) &&
        (!states.length || states.includes(p.state)) &&
        (!teams!.length || teams!.includes(p.categories.team.toLowerCase())) &&
        (!departments!.length || departments!.includes(p.categories.department.toLowerCase())) &&
        (!locations!.length || locations!.includes(p.categories.location.toLowerCase())) &&
        (!commitments!.length || commitments!.includes(p.categories.commitment.toLowerCase())) &&
        (!levels!.length || levels!.includes(p.categories.level.toLowerCase())) &&
        (!tags!.length || p.tags.some((t) => tags!.includes(t.toLowerCase()))) &&
        inRange(p.updatedAt, u, "updated_at") &&
        inRange(p.createdAt, u, "created_at"),
    );
    return paginate(c, "postings", items, (p) => [p.createdAt, p.id], (p) => postingJson(c.ctx, p));
  }),
  route("GET", "/v1/postings/:id", (c, { id }) => {
    requireScope(c, "postings", "read");
    const p = c.account.postings.find((x) => x.id === id);
    if (!p || (p.confidentiality === "confidential" && !canSeeConfidential(c))) return apiError(404, "NOT_FOUND", `Posting ${id} not found`);
    return ok(postingJson(c.ctx, p));
  }),

  // Opportunities
  route("GET", "/v1/opportunities", (c) => {
    requireScope(c, "opportunities", "read");
    const u = c.url;
    const postingIds = multi(u, "posting_id");
    const stageIds = multi(u, "stage_id");
    const emails = multi(u, "email").map((e) => e.toLowerCase());
    const contactIds = multi(u, "contact_id");
    const tags = multi(u, "tag").map((t) => t.toLowerCase());
    const origins = multi(u, "origin");
    const sources = multi(u, "source");
    const reasons = multi(u, "archive_reason_id");
    const archived = boolParam(u, "archived");
    const conf = confidentialityFilter(c);
    const items = c.account.opportunities.filter(
      (o) =>
        conf(o.confidentiality) &&
        (!postingIds.length || o.applications.some((a) => postingIds.includes(a.postingId))) &&
        (!stageIds.length || stageIds.includes(o.stageId)) &&
        (!emails.length || o.emails.some((e) => emails.includes(e.toLowerCase()))) &&
        (!contactIds.length || contactIds.includes(o.contactId)) &&
        (!tags.length || o.tags.some((t) => tags.includes(t.toLowerCase()))) &&
        (!origins.length || origins.includes(o.origin)) &&
        (!sources.length || o.sources.some((s) => sources.includes(s))) &&
        (!reasons.length || (o.archived !== null && reasons.includes(o.archived.reason))) &&
        (archived === undefined || (o.archived !== null) === archived) &&
        inRange(o.createdAt, u, "created_at") &&
        inRange(o.updatedAt, u, "updated_at") &&
        inRange(o.lastAdvancedAt, u, "advanced_at") &&
        (o.archived === null
          ? u.searchParams.get("archived_at_start") === null && u.searchParams.get("archived_at_end") === null
          : inRange(o.archived.archivedAt, u, "archived_at")),
    );
    const expand = expandSet(u);
    return paginate(c, "opportunities", items, (o) => [o.createdAt, o.id], (o) => opportunityJson(c.ctx, c.account, o, expand));
  }),
  route("GET", "/v1/opportunities/:id", (c, { id }) => {
    requireScope(c, "opportunities", "read");
    return ok(opportunityJson(c.ctx, c.account, getOpportunity(c, id), expandSet(c.url)));
  }),

  // Résumés and files
  route("GET", "/v1/opportunities/:id/resumes", (c, { id }) => {
    requireScope(c, "resumes", "read");
    const o = getOpportunity(c, id);
    return paginate(c, `resumes:${o.id}`, o.resumes, (r) => [r.createdAt, r.id], (r) => resumeJson(c.ctx, o, r));
  }),
  route("GET", "/v1/opportunities/:id/resumes/:rid", (c, { id, rid }) => {
    requireScope(c, "resumes", "read");
    const o = getOpportunity(c, id);
    const r = o.resumes.find((x) => x.id === rid);
    if (!r) return apiError(404, "NOT_FOUND", `Resume ${rid} not found`);
    return ok(resumeJson(c.ctx, o, r));
  }),
  route("GET", "/v1/opportunities/:id/resumes/:rid/download", (c, { id, rid }) => {
    requireScope(c, "resumes", "read");
    const o = getOpportunity(c, id);
    const r = o.resumes.find((x) => x.id === rid);
    if (!r) return apiError(404, "NOT_FOUND", `Resume ${rid} not found`);
    if (r.status === "error") return apiError(422, "UNPROCESSABLE_ENTITY", "This file could not be processed by Lever and cannot be downloaded");
    return resumeDownload(o, r);
  }),
  route("GET", "/v1/opportunities/:id/files", (c, { id }) => {
    requireScope(c, "files", "read");
    const o = getOpportunity(c, id);
    return paginate(c, `files:${o.id}`, o.files, (f) => [f.createdAt, f.id], (f) => fileJson(c.ctx, o, f));
  }),
  route("GET", "/v1/opportunities/:id/files/:fid", (c, { id, fid }) => {
    requireScope(c, "files", "read");
    const o = getOpportunity(c, id);
    const f = o.files.find((x) => x.id === fid);
    if (!f) return apiError(404, "NOT_FOUND", `File ${fid} not found`);
    return ok(fileJson(c.ctx, o, f));
  }),
  route("GET", "/v1/opportunities/:id/files/:fid/download", (c, { id, fid }) => {
    requireScope(c, "files", "read");
    const o = getOpportunity(c, id);
    const f = o.files.find((x) => x.id === fid);
    if (!f) return apiError(404, "NOT_FOUND", `File ${fid} not found`);
    if (f.status === "error") return apiError(422, "UNPROCESSABLE_ENTITY", "This file could not be processed by Lever and cannot be downloaded");
    return download(f.ext, f.name, documentBytes(f.ext, f.text, f.name));
  }),

  // Reference data
  route("GET", "/v1/archive_reasons", (c) => {
    requireScope(c, "archive_reasons", "read");
    const type = c.url.searchParams.get("type");
    if (type && type !== "hired" && type !== "non-hired") return apiError(400, "BAD_REQUEST", "type must be hired or non-hired");
    const items = c.account.archiveReasons.filter((r) => !type || r.type === type);
    return paginate(c, "archive_reasons", items, (r) => [c.account.archiveReasons.indexOf(r), r.id], (r) => r);
  }),
  route("GET", "/v1/archive_reasons/:id", (c, { id }) => {
    requireScope(c, "archive_reasons", "read");
    const r = c.account.archiveReasons.find((x) => x.id === id);
    return r ? ok(r) : apiError(404, "NOT_FOUND", `Archive reason ${id} not found`);
  }),
  route("GET", "/v1/stages", (c) => {
    requireScope(c, "stages", "read");
    return paginate(c, "stages", c.account.stages, (s) => [c.account.stages.indexOf(s), s.id], (s) => s);
  }),
  route("GET", "/v1/stages/:id", (c, { id }) => {
    requireScope(c, "stages", "read");
    const s = c.account.stages.find((x) => x.id === id);
    return s ? ok(s) : apiError(404, "NOT_FOUND", `Stage ${id} not found`);
  }),
  route("GET", "/v1/users", (c) => {
    requireScope(c, "users", "read");
    const emails = multi(c.url, "email").map((e) => e.toLowerCase());
    const roles = multi(c.url, "accessRole");
    const includeDeactivated = boolParam(c.url, "includeDeactivated") ?? false;
    const items = c.account.users.filter(
      (u) => (includeDeactivated || !u.deactivatedAt) && (!emails.length || emails.includes(u.email.toLowerCase())) && (!roles.length || roles.includes(u.accessRole)),
    );
    return paginate(c, "users", items, (u) => [u.createdAt, u.id], userJson);
  }),
  route("GET", "/v1/users/:id", (c, { id }) => {
    requireScope(c, "users", "read");
    const u = c.account.users.find((x) => x.id === id);
    return u ? ok(userJson(u)) : apiError(404, "NOT_FOUND", `User ${id} not found`);
  }),
  route("GET", "/v1/tags", (c) => {
    requireScope(c, "tags", "read");
    const counts = new Map<string, number>();
    for (const o of c.account.opportunities) for (const t of o.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
    const items = [...counts].map(([text, count]) => ({ text, count }));
    return paginate(c, "tags", items, (t) => [0, t.text], (t) => t);
  }),

  // Notes
  route("GET", "/v1/opportunities/:id/notes", (c, { id }) => {
    requireScope(c, "notes", "read");
    const o = getOpportunity(c, id);
    const notes = c.ctx.world.notes.filter((n) => n.opportunityId === o.id && !n.deletedAt);
    return paginate(c, `notes:${o.id}`, notes, (n) => [n.createdAt, n.id], noteJson);
  }),
  route("GET", "/v1/opportunities/:id/notes/:noteId", (c, { id, noteId }) => {
    requireScope(c, "notes", "read");
    const o = getOpportunity(c, id);
    const n = c.ctx.world.notes.find((x) => x.id === noteId && x.opportunityId === o.id && !x.deletedAt);
    return n ? ok(noteJson(n)) : apiError(404, "NOT_FOUND", `Note ${noteId} not found`);
  }),
  route("POST", "/v1/opportunities/:id/notes", async (c, { id }) => {
    requireScope(c, "notes", "write");
    const o = getOpportunity(c, id);
    const body = parseNoteBody(await readJsonObject(c.request));
    const userId = performAs(c);
    const now = c.ctx.now();
    const note: NoteRec = {
      id: c.ctx.idRng.uuid(),
      accountId: c.account.id,
      opportunityId: o.id,
      value: body.value,
      secret: body.secret,
      score: body.score,
      notifyFollowers: body.notifyFollowers,
      createdAt: body.createdAt ?? now,
      updatedAt: now,
      userId,
      viaApi: true,
      clientId: c.principal.clientId,
      deletedAt: null,
    };
    c.ctx.world.notes.push(note);
    o.lastInteractionAt = now;
    return ok({ noteId: note.id }, 201);
  }),
  route("PUT", "/v1/opportunities/:id/notes/:noteId", async (c, { id, noteId }) => {
    requireScope(c, "notes", "write");
    const o = getOpportunity(c, id);
    const note = c.ctx.world.notes.find((n) => n.id === noteId && n.opportunityId === o.id && !n.deletedAt);
    if (!note) return apiError(404, "NOT_FOUND", `Note ${noteId} not found`);
    if (!note.viaApi) return apiError(403, "FORBIDDEN", "Only notes created through the API can be updated");
    const body = parseNoteBody(await readJsonObject(c.request));
    // PUT replaces the whole note: omitted optional fields go back to their defaults.
    note.value = body.value;
    note.secret = body.secret;
    note.score = body.score;
    note.notifyFollowers = body.notifyFollowers;
    if (body.createdAt !== undefined) note.createdAt = body.createdAt;
    note.userId = performAs(c);
    note.updatedAt = c.ctx.now();
    return ok({ noteId: note.id });
  }),
  route("DELETE", "/v1/opportunities/:id/notes/:noteId", (c, { id, noteId }) => {
    requireScope(c, "notes", "write");
    const o = getOpportunity(c, id);
    const note = c.ctx.world.notes.find((n) => n.id === noteId && n.opportunityId === o.id && !n.deletedAt);
    if (!note) return apiError(404, "NOT_FOUND", `Note ${noteId} not found`);
    if (!note.viaApi) return apiError(403, "FORBIDDEN", "Only notes created through the API can be deleted");
    performAs(c);
    note.deletedAt = c.ctx.now();
    return noContent();
  }),

  // Stage, archive, tags
  route("PUT", "/v1/opportunities/:id/stage", async (c, { id }) => {
    requireScope(c, "opportunities", "write");
    const o = getOpportunity(c, id);
    const body = await readJsonObject(c.request);
    const stageIndex = c.account.stages.findIndex((s) => s.id === body.stage);
    if (typeof body.stage !== "string" || stageIndex < 0) return apiError(400, "BAD_REQUEST", `Unknown stage: ${JSON.stringify(body.stage ?? null)}`);
    const userId = performAs(c);
    const from = o.stageId;
    const now = c.ctx.now();
    o.stageId = body.stage;
    o.stageChanges.push({ toStageId: body.stage, toStageIndex: stageIndex, updatedAt: now, userId });
    o.lastAdvancedAt = now;
    touch(c, o);
    c.ctx.writes.stageChanges.push({ opportunityId: o.id, accountId: c.account.id, clientId: c.principal.clientId, fromStageId: from, toStageId: body.stage, performAs: userId, at: now });
    void emitEvent(c.ctx, c.account.id, "candidateStageChange", { opportunityId: o.id, contactId: o.contactId, fromStageId: from, toStageId: body.stage }, o);
    return ok(opportunityJson(c.ctx, c.account, o, expandSet(c.url)));
  }),
  route("PUT", "/v1/opportunities/:id/archived", async (c, { id }) => {
    requireScope(c, "opportunities", "write");
    const o = getOpportunity(c, id);
    const body = await readJsonObject(c.request);
    if (!("reason" in body)) return apiError(400, "BAD_REQUEST", "reason is required (an archive reason id, or null to unarchive)");
    let reason: string | null = null;
    if (body.reason !== null) {
      const r = c.account.archiveReasons.find((x) => x.id === body.reason);
      if (!r) return apiError(400, "BAD_REQUEST", `Unknown archive reason: ${JSON.stringify(body.reason)}`);
      if (r.status !== "active") return apiError(400, "BAD_REQUEST", `Archive reason "${r.text}" is inactive and cannot be used`);
      reason = r.id;
    }
    const userId = performAs(c);
    const now = c.ctx.now();
    const from = o.archived;
    o.archived = reason ? { archivedAt: now, reason } : null;
    for (const a of o.applications) a.archived = o.archived;
    touch(c, o);
    c.ctx.writes.archives.push({ opportunityId: o.id, accountId: c.account.id, clientId: c.principal.clientId, reason, fromReason: from?.reason ?? null, performAs: userId, at: now });
    void emitEvent(c.ctx, c.account.id, "candidateArchiveChange", { opportunityId: o.id, contactId: o.contactId, fromArchived: from, toArchived: o.archived }, o);
    if (reason && c.account.archiveReasons.find((r) => r.id === reason)?.type === "hired") {
      void emitEvent(c.ctx, c.account.id, "candidateHired", { opportunityId: o.id, contactId: o.contactId }, o);
    }
    return ok(opportunityJson(c.ctx, c.account, o, expandSet(c.url)));
  }),
  route("POST", "/v1/opportunities/:id/addTags", (c, { id }) => changeTags(c, id, "add")),
  route("POST", "/v1/opportunities/:id/removeTags", (c, { id }) => changeTags(c, id, "remove")),

  // Webhooks
  route("GET", "/v1/webhooks", (c) => {
    requireScope(c, "webhooks", "read");
    const items = c.ctx.webhooks.filter((w) => w.accountId === c.account.id);
    return paginate(c, "webhooks", items, (w) => [w.createdAt, w.id], webhookJson);
  }),
  route("GET", "/v1/webhooks/:id", (c, { id }) => {
    requireScope(c, "webhooks", "read");
    const w = c.ctx.webhooks.find((x) => x.id === id && x.accountId === c.account.id);
    return w ? ok(webhookJson(w)) : apiError(404, "NOT_FOUND", `Webhook ${id} not found`);
  }),
  route("POST", "/v1/webhooks", async (c) => {
    requireScope(c, "webhooks", "write");
    const body = parseWebhookBody(c, await readJsonObject(c.request), true);
    const now = c.ctx.now();
    const w: WebhookRec = {
      id: c.ctx.idRng.uuid(),
      accountId: c.account.id,
      clientId: c.principal.clientId,
      url: body.url!,
      event: body.event!,
      conditions: body.conditions ?? null,
      signatureToken: newSignatureToken(),
      createdAt: now,
      updatedAt: now,
      // Lever sends nothing until a Super Admin toggles the webhook group on.
      enabled: false,
    };
    c.ctx.webhooks.push(w);
    const data = webhookJson(w);
    return ok(c.ctx.opts.webhookCreateResponse === "nested" ? { data } : data, 201);
  }),
  route("PUT", "/v1/webhooks/:id", async (c, { id }) => updateWebhook(c, id, await readJsonObject(c.request))),
  route("PUT", "/v1/webhooks", async (c) => {
    const body = await readJsonObject(c.request);
    if (typeof body.id !== "string") return apiError(400, "BAD_REQUEST", "id is required");
    return updateWebhook(c, body.id, body);
  }),
  route("DELETE", "/v1/webhooks/:id", (c, { id }) => {
    requireScope(c, "webhooks", "write");
    const i = c.ctx.webhooks.findIndex((x) => x.id === id && x.accountId === c.account.id);
    if (i < 0) return apiError(404, "NOT_FOUND", `Webhook ${id} not found`);
    c.ctx.webhooks.splice(i, 1);
    return noContent();
  }),
];

/** A résumé's file as Lever serves it (the control API serves the same bytes to tests). */
export function resumeDownload(o: OpportunityRec, r: ResumeRec): Response {
  return download(r.ext, r.fileName, documentBytes(r.ext, r.text, `${o.name} – résumé`), r.contentType);
}

function download(ext: "pdf" | "docx", name: string, bytes: Uint8Array<ArrayBuffer>, contentType: string = CONTENT_TYPES[ext]): Response {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "'");
  return new Response(bytes, {
    status: 200,
    headers: {
      "content-type": contentType,
      "content-length": String(bytes.length),
      "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    },
  });
}

function parseNoteBody(body: Record<string, unknown>) {
  if (typeof body.value !== "string" || !body.value.trim()) fail(400, "BAD_REQUEST", "value is required and must be a non-empty string");
  if (body.secret !== undefined && typeof body.secret !== "boolean") fail(400, "BAD_REQUEST", "secret must be a boolean");
  if (body.notifyFollowers !== undefined && typeof body.notifyFollowers !== "boolean") fail(400, "BAD_REQUEST", "notifyFollowers must be a boolean");
  if (body.score !== undefined && body.score !== null && !(Number.isInteger(body.score) && (body.score as number) >= 1 && (body.score as number) <= 4)) {
    fail(400, "BAD_REQUEST", "score must be an integer from 1 (Strong No) to 4 (Strong Yes)");
  }
  if (body.createdAt !== undefined && !(typeof body.createdAt === "number" && Number.isFinite(body.createdAt) && body.createdAt > 0)) {
    fail(400, "BAD_REQUEST", "createdAt must be a timestamp in epoch milliseconds");
  }
  return {
    value: body.value as string,
    secret: (body.secret as boolean | undefined) ?? false,
    score: (body.score as number | null | undefined) ?? null,
    notifyFollowers: (body.notifyFollowers as boolean | undefined) ?? false,
    createdAt: body.createdAt as number | undefined,
  };
}

async function changeTags(c: ApiCall, id: string, action: "add" | "remove"): Promise<Response> {
  requireScope(c, "opportunities", "write");
  const o = getOpportunity(c, id);
  const body = await readJsonObject(c.request);
  const tags = body.tags;
  if (!Array.isArray(tags) || tags.length === 0 || !tags.every((t) => typeof t === "string" && t.trim())) {
    return apiError(400, "BAD_REQUEST", "tags must be a non-empty array of strings");
  }
  const userId = performAs(c);
  const clean = [...new Set((tags as string[]).map((t) => t.trim()))];
  o.tags = action === "add" ? [...new Set([...o.tags, ...clean])] : o.tags.filter((t) => !clean.includes(t));
  touch(c, o);
  c.ctx.writes.tags.push({ opportunityId: o.id, accountId: c.account.id, clientId: c.principal.clientId, action, tags: clean, performAs: userId, at: c.ctx.now() });
  return ok(opportunityJson(c.ctx, c.account, o, expandSet(c.url)));
}

function parseWebhookBody(c: ApiCall, body: Record<string, unknown>, creating: boolean): { url?: string; event?: WebhookEvent; conditions?: { origins?: string[] } | null } {
  const out: { url?: string; event?: WebhookEvent; conditions?: { origins?: string[] } | null } = {};
  if (creating || body.url !== undefined) {
    let parsed: URL | undefined;
    try {
      parsed = typeof body.url === "string" ? new URL(body.url) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!parsed || !["http:", "https:"].includes(parsed.protocol)) fail(400, "BAD_REQUEST", "url must be an absolute http(s) URL");
    if (c.ctx.opts.requireHttpsWebhooks && parsed!.protocol !== "https:") fail(400, "BAD_REQUEST", "url must use HTTPS");
    out.url = parsed!.toString();
  }
  if (creating || body.event !== undefined) {
    if (typeof body.event !== "string" || !(WEBHOOK_EVENTS as readonly string[]).includes(body.event)) {
      fail(400, "BAD_REQUEST", `event must be one of ${WEBHOOK_EVENTS.join(", ")}`);
    }
    out.event = body.event as WebhookEvent;
  }
  if (body.configuration !== undefined && body.configuration !== null) {
    const conf = body.configuration as { conditions?: { origins?: unknown } };
    if (typeof conf !== "object") fail(400, "BAD_REQUEST", "configuration must be an object");
    const origins = conf.conditions?.origins;
    if (origins !== undefined && (!Array.isArray(origins) || !origins.every((o) => typeof o === "string"))) {
      fail(400, "BAD_REQUEST", "configuration.conditions.origins must be an array of strings");
    }
    out.conditions = conf.conditions ? { origins: origins as string[] | undefined } : null;
  }
  return out;
}

function updateWebhook(c: ApiCall, id: string, body: Record<string, unknown>): Response {
  requireScope(c, "webhooks", "write");
  const w = c.ctx.webhooks.find((x) => x.id === id && x.accountId === c.account.id);
  if (!w) return apiError(404, "NOT_FOUND", `Webhook ${id} not found`);
  const update = parseWebhookBody(c, body, false);
  if (update.url) w.url = update.url;
  if (update.event) w.event = update.event;
  if (update.conditions !== undefined) w.conditions = update.conditions;
  w.updatedAt = c.ctx.now();
  return ok(webhookJson(w));
}

export function resolveAccount(ctx: SimContext, principal: Principal): AccountRec | undefined {
  return findAccount(ctx, principal.accountId);
}
