/**
 * Lever's profile forms: templates an account's admins (or an app with `forms:write:admin`) define at
 * `/form_templates`, and forms filled in from a template on an opportunity at
 * `/opportunities/:id/forms` (Lever's "Forms" tab, reportable in Visual Insights, unlike notes).
 *
 * What Lever documents (hire.lever.co/developer/documentation, "Profile Forms" and "Profile Form
 * Templates"): templates are created, listed, retrieved, updated and deleted through the API; a form
 * is created from `baseTemplateId` with `fieldValues: [{id, value}]` and `perform_as`. Whether an
 * API-created profile form can be deleted is **unverified** (Lever documents deletion of API-created
 * notes and feedback; the simulator allows deleting API-created forms the same way, and refuses the
 * rest). The scope for both is `forms:write:admin` (**unverified**: Lever groups form templates under
 * the forms resource).
 */
import type { ApiCall } from "./api";
import { apiError, fail, json, noContent, readJsonObject, route, type Route } from "./http";
import { hasScope } from "./oauth";

export const FIELD_TYPES = ["text", "textarea", "score", "score-system", "yes-no", "dropdown", "multiple-choice", "multiple-select", "date", "currency"] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface FormFieldRec {
  id: string;
  type: FieldType;
  text: string;
  description: string;
  required: boolean;
}

export interface FormTemplateRec {
  id: string;
  accountId: string;
  text: string;
  instructions: string;
  fields: FormFieldRec[];
  createdAt: number;
  updatedAt: number;
  clientId: string | null;
  deletedAt: number | null;
}

export interface FormRec {
  id: string;
  accountId: string;
  opportunityId: string;
  baseTemplateId: string;
  text: string;
  fields: Array<FormFieldRec & { value: string }>;
  user: string;
  createdAt: number;
  completedAt: number;
  viaApi: boolean;
  clientId: string | null;
  deletedAt: number | null;
}

const ok = (data: unknown, status = 200) => json(status, { data });

function requireForms(c: ApiCall, action: "read" | "write"): void {
  if (!hasScope(c.principal, "forms", action)) {
    fail(403, "FORBIDDEN", `Missing scope: forms:${action}:admin${action === "read" ? " (or forms:write:admin)" : ""}`);
  }
}

const templateJson = (t: FormTemplateRec) => ({ id: t.id, text: t.text, instructions: t.instructions, fields: t.fields.map((f) => ({ ...f })), createdAt: t.createdAt, updatedAt: t.updatedAt });
const formJson = (f: FormRec) => ({
  id: f.id,
  type: "form",
  text: f.text,
  baseTemplateId: f.baseTemplateId,
  fields: f.fields.map((x) => ({ ...x })),
  user: f.user,
  createdAt: f.createdAt,
  completedAt: f.completedAt,
});

function parseTemplate(body: Record<string, unknown>): { text: string; instructions: string; fields: Array<Omit<FormFieldRec, "id">> } {
  if (typeof body.text !== "string" || !body.text.trim()) fail(400, "BAD_REQUEST", "text is required");
  if (body.instructions !== undefined && typeof body.instructions !== "string") fail(400, "BAD_REQUEST", "instructions must be a string");
  if (!Array.isArray(body.fields) || body.fields.length === 0) fail(400, "BAD_REQUEST", "fields must be a non-empty array");
  const fields = (body.fields as unknown[]).map((raw, i) => {
    const f = raw as Record<string, unknown> | null;
    if (!f || typeof f !== "object") return fail(400, "BAD_REQUEST", `fields[${i}] must be an object`);
    if (typeof f.type !== "string" || !(FIELD_TYPES as readonly string[]).includes(f.type)) fail(400, "BAD_REQUEST", `fields[${i}].type must be one of ${FIELD_TYPES.join(", ")}`);
    if (typeof f.text !== "string" || !f.text.trim()) fail(400, "BAD_REQUEST", `fields[${i}].text is required`);
    return { type: f.type as FieldType, text: f.text as string, description: typeof f.description === "string" ? f.description : "", required: f.required === true };
  });
  return { text: body.text as string, instructions: (body.instructions as string | undefined) ?? "", fields };
}

function liveTemplate(c: ApiCall, id: string): FormTemplateRec {
  const t = c.ctx.formTemplates.find((x) => x.id === id && x.accountId === c.account.id && !x.deletedAt);
  return t ?? fail(404, "NOT_FOUND", `Form template ${id} not found`);
}

function opportunityOf(c: ApiCall, id: string): void {
  if (!c.account.opportunities.some((o) => o.id === id)) fail(404, "NOT_FOUND", `Opportunity ${id} not found`);
}

function performAsUser(c: ApiCall): string {
  const raw = c.url.searchParams.get("perform_as");
  if (!raw) return c.principal.userId;
  const user = c.account.users.find((u) => u.id === raw && !u.deactivatedAt);
  return user ? user.id : fail(400, "BAD_REQUEST", `perform_as: no active user ${raw} in this account`);
}

export const formRoutes: Route<ApiCall>[] = [
  route("GET", "/v1/form_templates", (c) => {
    requireForms(c, "read");
    return json(200, { data: c.ctx.formTemplates.filter((t) => t.accountId === c.account.id && !t.deletedAt).map(templateJson), hasNext: false });
  }),
  route("GET", "/v1/form_templates/:id", (c, { id }) => {
    requireForms(c, "read");
    return ok(templateJson(liveTemplate(c, id)));
  }),
  route("POST", "/v1/form_templates", async (c) => {
    requireForms(c, "write");
    const body = parseTemplate(await readJsonObject(c.request));
    const now = c.ctx.now();
    const t: FormTemplateRec = {
      id: c.ctx.idRng.uuid(),
      accountId: c.account.id,
      text: body.text,
      instructions: body.instructions,
      fields: body.fields.map((f) => ({ ...f, id: c.ctx.idRng.uuid() })),
      createdAt: now,
      updatedAt: now,
      clientId: c.principal.clientId,
      deletedAt: null,
    };
    c.ctx.formTemplates.push(t);
    return ok(templateJson(t), 201);
  }),
  route("DELETE", "/v1/form_templates/:id", (c, { id }) => {
    requireForms(c, "write");
    liveTemplate(c, id).deletedAt = c.ctx.now();
    return noContent();
  }),
  route("GET", "/v1/opportunities/:id/forms", (c, { id }) => {
    requireForms(c, "read");
    opportunityOf(c, id);
    const forms = c.ctx.forms.filter((f) => f.opportunityId === id && !f.deletedAt);
    return json(200, { data: forms.map(formJson), hasNext: false });
  }),
  route("POST", "/v1/opportunities/:id/forms", async (c, { id }) => {
    requireForms(c, "write");
    opportunityOf(c, id);
    const body = await readJsonObject(c.request);
    if (typeof body.baseTemplateId !== "string") return fail(400, "BAD_REQUEST", "baseTemplateId is required");
    const template = liveTemplate(c, body.baseTemplateId);
    if (!Array.isArray(body.fieldValues)) return fail(400, "BAD_REQUEST", "fieldValues must be an array of {id, value}");
    const values = new Map<string, string>();
    for (const [i, raw] of (body.fieldValues as unknown[]).entries()) {
      const v = raw as { id?: unknown; value?: unknown } | null;
      if (!v || typeof v.id !== "string" || typeof v.value !== "string") return fail(400, "BAD_REQUEST", `fieldValues[${i}] must be {id, value} with string values`);
      if (!template.fields.some((f) => f.id === v.id)) return fail(400, "BAD_REQUEST", `fieldValues[${i}].id is not a field of template ${template.id}`);
      values.set(v.id, v.value);
    }
    const missing = template.fields.find((f) => f.required && !values.get(f.id));
    if (missing) return fail(400, "BAD_REQUEST", `Field "${missing.text}" is required`);
    const user = performAsUser(c);
    const now = c.ctx.now();
    const form: FormRec = {
      id: c.ctx.idRng.uuid(),
      accountId: c.account.id,
      opportunityId: id,
      baseTemplateId: template.id,
      text: template.text,
      fields: template.fields.map((f) => ({ ...f, value: values.get(f.id) ?? "" })),
      user,
      createdAt: now,
      completedAt: now,
      viaApi: true,
      clientId: c.principal.clientId,
      deletedAt: null,
    };
    c.ctx.forms.push(form);
    return ok(formJson(form), 201);
  }),
  route("DELETE", "/v1/opportunities/:id/forms/:formId", (c, { id, formId }) => {
    requireForms(c, "write");
    opportunityOf(c, id);
    const form = c.ctx.forms.find((f) => f.id === formId && f.opportunityId === id && !f.deletedAt);
    if (!form) return apiError(404, "NOT_FOUND", `Form ${formId} not found`);
    if (!form.viaApi) return apiError(403, "FORBIDDEN", "Only forms created through the API can be deleted");
    performAsUser(c);
    form.deletedAt = c.ctx.now();
    return noContent();
  }),
];
