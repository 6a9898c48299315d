import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldLabel, fromZod, issueLocation, itemLabel, toAppError } from "./errors";
import { CriteriaListSchema } from "@/lib/screening/criteria";
import { ImportPostingsSchema, StartApplicantImportSchema } from "@/lib/imports/schemas";
import { CandidateActionInput } from "@/lib/writeback/candidate-actions";

const fail = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  if (r.success) throw new Error("expected a validation error");
  return fromZod(r.error);
};

// Nothing a person reads may look like this: zod's own wording, dotted paths, or zero-based indexes.
const DEVELOPER_WORDING = /Invalid input|expected (string|number|boolean|array|object)|received (undefined|null|number|string)|Too (small|big)|Unrecognized key|[a-z]+\.\d+\.[a-z]+|>=|<=/;

describe("fromZod: plain messages", () => {
  it("names each field once, in plain words, for zod's default messages", () => {
    const schema = z.object({ title: z.string(), count: z.number(), tags: z.array(z.string()).min(1), email: z.email(), done: z.boolean() }).strict();
    const e = fail(schema, { count: "7", tags: [], email: "nope", done: "yes", extra: 1 });
    expect(e.status).toBe(400);
    expect(e.fieldErrors).toEqual({
      title: ["Enter the title"],
      count: ["Count must be a number"],
      tags: ["Choose at least one tag"],
      email: ["Enter a valid email address"],
      done: ["Done must be true or false"],
      _: ["Unexpected field: extra"],
    });
    expect(e.message).toBe("Enter the title. Count must be a number. Choose at least one tag. Enter a valid email address. Done must be true or false. And 1 more problem.");
    expect(e.message).not.toMatch(DEVELOPER_WORDING);
  });

  it("keeps one message per field even when several checks fail", () => {
    const schema = z.object({ code: z.string().min(5).regex(/^[a-z]+$/) });
    const e = fail(schema, { code: "A1" });
    expect(e.fieldErrors).toEqual({ code: ["Use at least 5 characters for the code"] });
    expect(e.message).toBe("Use at least 5 characters for the code.");
  });

  it("words lengths, limits and choices for people", () => {
    const schema = z.object({ organizationName: z.string().max(3), stageId: z.enum(["NEW", "PHONE_SCREEN"]), size: z.number().min(2), list: z.array(z.number()).max(1) });
    const e = fail(schema, { organizationName: "abcd", stageId: "x", size: 1, list: [1, 2] });
    expect(e.fieldErrors).toEqual({
      organizationName: ["Keep the organization name to 3 characters or fewer"],
      stageId: ["Choose New or Phone screen"],
      size: ["Size must be at least 2"],
      list: ["Choose at most 1 list"],
    });
  });

  it("a schema's own message wins over the plain fallback", () => {
    const e = fail(z.object({ name: z.string({ error: "Enter your name" }) }), {});
    expect(e.fieldErrors).toEqual({ name: ["Enter your name"] });
    expect(e.message).toBe("Enter your name.");
  });

  it("numbers list items as the UI shows them, from 1", () => {
    const criteria = Array.from({ length: 11 }, (_, i) => ({ text: `Skill ${i}`, kind: "REQUIRED", weight: "LOW" }));
    criteria[10] = { text: "x", kind: "REQUIRED", weight: "LOW" };
    const e = fail(CriteriaListSchema, { criteria });
    expect(e.message).toBe("Criterion 11: Write the criterion in at least 2 characters.");
    // The key stays the path the editor looks up; the message under the row needs no number.
    expect(e.fieldErrors).toEqual({ "criteria.10.text": ["Write the criterion in at least 2 characters"] });
  });

  it("criteria: missing text, unknown kind and weight, each on its row", () => {
    const e = fail(CriteriaListSchema, { criteria: [{ text: "Python", kind: "MUST", weight: "LOW" }, { kind: "REQUIRED", weight: "HUGE" }] });
    expect(e.fieldErrors).toEqual({
      "criteria.0.kind": ["Choose Required, Preferred or Neutral"],
      "criteria.1.text": ["Write the criterion"],
      "criteria.1.weight": ["Choose a weight: Low, Medium or High"],
    });
    expect(e.message).toBe("Criterion 1: Choose Required, Preferred or Neutral. Criterion 2: Write the criterion. Criterion 2: Choose a weight: Low, Medium or High.");
  });

  it("JSON routes' inputs read plainly too", () => {
    expect(fail(ImportPostingsSchema, { postingIds: ["ok", "../etc"] }).message).toBe("That is not an id from your ATS.");
    expect(fail(ImportPostingsSchema, { postingIds: [] }).message).toBe("Choose at least one posting.");
    expect(fail(StartApplicantImportSchema, { includeArchived: "yes" }).message).toBe("Choose whether to include archived applicants.");
    expect(fail(CandidateActionInput, { action: "advance", candidateIds: ["c1"], idempotencyKey: "k".repeat(10) }).message).toBe("Choose a stage.");
    expect(fail(CandidateActionInput, { action: "promote" }).message).toBe("Choose whether to advance or reject.");
    for (const [schema, input] of [
      [CriteriaListSchema, { criteria: "Python" }],
      [CriteriaListSchema, {}],
      [ImportPostingsSchema, { postingIds: "p1" }],
      [CandidateActionInput, { action: "archive", archiveReasonId: "r1", candidateIds: [] }],
    ] as const) {
      expect(fail(schema, input).message).not.toMatch(DEVELOPER_WORDING);
    }
  });

  it("toAppError turns a thrown ZodError (schema.parse) into the same 400", () => {
    let thrown: unknown;
    try {
      z.object({ role: z.enum(["ADMIN", "RECRUITER"]) }).parse({ role: "GOD" });
    } catch (error) {
      thrown = error;
    }
    expect(toAppError(thrown)).toMatchObject({ status: 400, message: "Choose Admin or Recruiter.", fieldErrors: { role: ["Choose Admin or Recruiter"] } });
  });
});

describe("labels", () => {
  it.each([
    ["organizationName", "organization name"],
    ["stageId", "stage"],
    ["candidateIds", "candidates"],
    ["idempotencyKey", "idempotency key"],
    ["include_archived", "include archived"],
    [undefined, "this field"],
  ])("field %s reads %s", (key, label) => expect(fieldLabel(key)).toBe(label));

  it.each([
    ["criteria", "criterion"],
    ["postingIds", "posting"],
    ["categories", "category"],
    ["states", "state"],
    ["addresses", "address"],
  ])("an item of %s is a %s", (key, label) => expect(itemLabel(key)).toBe(label));

  it("locates the deepest list item", () => {
    expect(issueLocation(["criteria", 10, "text"])).toBe("Criterion 11");
    expect(issueLocation(["jobs", 0, "criteria", 2])).toBe("Criterion 3");
    expect(issueLocation(["name"])).toBeNull();
  });
});
