import type { ResultNote } from "@/lib/ats/provider";
import { db } from "@/lib/db/client";
import { LeverApiError, type LeverClient } from "./client";
import type { FormInput, FormTemplate, FormTemplateInput } from "./schemas";

/**
 * Results as a Lever profile form (the candidate's Forms tab, reportable in Lever where notes are not).
 * One "Screening result" template per Lever account, created by the app through the API the first
 * time a result is written as a form, found again by the marker in its instructions (after a
 * reconnect, or when another process created it first); one form per candidate, replaced on re-screen.
 */

export const FORMS_SCOPE = "forms:write:admin";
const TEMPLATE_MARKER = "[screening-app:result-template:v1]";

export const FORM_FIELDS = {
  score: { type: "text", text: "Score (0–100)", description: "How well the résumé matches the job's criteria." },
  required: { type: "text", text: "Required criteria", description: "Whether every REQUIRED criterion is met." },
  met: { type: "textarea", text: "Met", description: "Criteria the résumé meets." },
  partlyMet: { type: "textarea", text: "Partly met", description: "Criteria the résumé meets in part." },
  notMet: { type: "textarea", text: "Not met", description: "Criteria the résumé does not meet." },
  needsReview: { type: "textarea", text: "Needs review", description: "Criteria the screening could not decide: a person should look." },
  link: { type: "text", text: "Screening details", description: "The candidate in the screening app: evidence for each verdict." },
} as const;
type FieldKey = keyof typeof FORM_FIELDS;

export const RESULT_TEMPLATE: FormTemplateInput = {
  text: "Screening result",
  instructions: `Written by the screening app after each screening; a re-screen replaces it. ${TEMPLATE_MARKER}`,
  fields: Object.values(FORM_FIELDS).map((f) => ({ ...f, required: false })),
};

type TemplateRef = { id: string; fields: Record<FieldKey, string> };

function refOf(template: FormTemplate): TemplateRef | null {
  const fields = {} as Record<FieldKey, string>;
  for (const [key, spec] of Object.entries(FORM_FIELDS) as Array<[FieldKey, (typeof FORM_FIELDS)[FieldKey]]>) {
    const field = template.fields.find((f) => f.text === spec.text);
    if (!field) return null;
    fields[key] = field.id;
  }
  return { id: template.id, fields };
}

/** Lever's 403 here almost always means the connection was made before the app asked for forms. */
function explainRefusal(error: unknown): never {
  if (error instanceof LeverApiError && error.status === 403) {
    throw new LeverApiError(
      403,
      "missing_scope",
      `Lever refused the result form: this connection does not have the forms permission (${FORMS_SCOPE}). An admin reconnects Lever in Settings → ATS to grant it, or posts results as notes.`,
      error.details,
    );
  }
  throw error;
}

/**
 * Lookups in flight per connection: the write-back lanes of one process share one, so the first
 * results of an account create its template once. (Processes racing each other are settled by the
 * conditional claim below, which deletes the loser's template.)
 */
const pending = new Map<string, Promise<TemplateRef>>();

export class ResultForms {
  constructor(
    private readonly client: LeverClient,
    private readonly connectionId: string,
  ) {}

  /** The account's template: the one stored for the connection, else found in Lever by its marker, else created once. */
  async template(): Promise<TemplateRef> {
    const inFlight = pending.get(this.connectionId);
    if (inFlight) return inFlight;
    const lookup = this.lookUp().finally(() => pending.delete(this.connectionId));
    pending.set(this.connectionId, lookup);
    return lookup;
  }

  private async lookUp(): Promise<TemplateRef> {
    const prisma = await db();
    const stored = await prisma.atsConnection.findUnique({ where: { id: this.connectionId }, select: { resultTemplateExternalId: true, resultTemplateFields: true } });
    if (stored?.resultTemplateExternalId && stored.resultTemplateFields) {
      return { id: stored.resultTemplateExternalId, fields: stored.resultTemplateFields as Record<FieldKey, string> };
    }
    const templates = await this.client.formTemplates().catch(explainRefusal);
    const found = templates.filter((t) => t.instructions?.includes(TEMPLATE_MARKER)).map(refOf).find((r): r is TemplateRef => r !== null);
    const ref = found ?? refOf(await this.client.createFormTemplate(RESULT_TEMPLATE).catch(explainRefusal));
    if (!ref) throw new LeverApiError(200, "invalid_response", "Lever answered a form template without the fields the app asked for");
    const claimed = await prisma.atsConnection.updateMany({
      where: { id: this.connectionId, resultTemplateExternalId: null },
      data: { resultTemplateExternalId: ref.id, resultTemplateFields: ref.fields },
    });
    if (claimed.count === 1) return ref;
    // Another process stored one meanwhile: theirs is the account's, ours goes.
    const winner = await prisma.atsConnection.findUniqueOrThrow({ where: { id: this.connectionId }, select: { resultTemplateExternalId: true, resultTemplateFields: true } });
    if (!found && winner.resultTemplateExternalId !== ref.id) await this.client.deleteFormTemplate(ref.id);
    return { id: winner.resultTemplateExternalId!, fields: winner.resultTemplateFields as Record<FieldKey, string> };
  }

  private async forget(templateId: string): Promise<void> {
    await (await db()).atsConnection.updateMany({ where: { id: this.connectionId, resultTemplateExternalId: templateId }, data: { resultTemplateExternalId: null, resultTemplateFields: undefined } });
  }

  /**
   * Posts the result's form, after deleting the one posted before (Lever's forms are not edited in
   * place): at most one form per candidate is live at any time. A template deleted in Lever is made again.
   */
  async write(opportunityId: string, note: ResultNote, previousFormId: string | null, actAs: string | null): Promise<string> {
    if (previousFormId) await this.client.deleteForm(opportunityId, previousFormId, actAs ?? undefined).catch(explainRefusal);
    for (let attempt = 0; ; attempt++) {
      const template = await this.template();
      try {
        return await this.client.createForm(opportunityId, formInput(template, note), actAs ?? undefined);
      } catch (error) {
        if (attempt === 0 && error instanceof LeverApiError && (error.status === 404 || error.status === 400) && !(await this.templateExists(template.id))) {
          await this.forget(template.id);
          continue;
        }
        explainRefusal(error);
      }
    }
  }

  private async templateExists(id: string): Promise<boolean> {
    return (await this.client.formTemplates()).some((t) => t.id === id);
  }

  /** A form an earlier attempt posted whose answer was lost: its link field carries the marker. */
  async find(opportunityId: string, marker: string): Promise<string | null> {
    for await (const form of this.client.forms(opportunityId)) {
      if (form.fields.some((f) => typeof f.value === "string" && f.value.includes(marker))) return form.id;
    }
    return null;
  }
}

function formInput(template: TemplateRef, note: ResultNote): FormInput {
  const form = note.form;
  const list = (items: string[] | undefined) => (items?.length ? items.map((t) => `• ${t}`).join("\n") : "—");
  const values: Record<FieldKey, string> = {
    score: String(note.score),
    required: form?.required ?? "",
    met: list(form?.met),
    partlyMet: list(form?.partlyMet),
    notMet: list(form?.notMet),
    needsReview: list(form?.needsReview),
    link: form?.link ?? note.marker,
  };
  return { baseTemplateId: template.id, fieldValues: (Object.keys(values) as FieldKey[]).map((key) => ({ id: template.fields[key], value: values[key] })) };
}
