import { z, ZodError } from "zod";
import { isDatabaseUnavailable } from "@/lib/db/outage";

/**
 * The one error type that reaches clients. Anything else is logged and answered with a generic 500,
 * so no stack trace or internal detail leaves the server.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    /** Sent as Retry-After: the condition is expected to pass by itself. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const notFound = (what = "Not found") => new AppError(404, "not_found", what);
export const forbidden = (message: string) => new AppError(403, "forbidden", message);
export const unauthorized = () => new AppError(401, "unauthorized", "Sign in to continue");
export const badRequest = (message: string, fieldErrors?: Record<string, string[]>) =>
  new AppError(400, "bad_request", message, fieldErrors);
export const conflict = (message: string) => new AppError(409, "conflict", message);
/** A database restart or failover takes seconds; clients retry instead of showing a failure. */
export const databaseUnavailable = () =>
  new AppError(503, "database_unavailable", "The service is briefly unavailable. Please try again in a few seconds.", undefined, 5);

// ---------------------------------------------------------------------------------------------
// Validation messages people can read.
//
// Schemas that face a form say what to do in their own words ("Enter your name"). Everything zod
// would otherwise word for developers ("Invalid input: expected string, received undefined") gets a
// plain sentence from the field's name here, installed once as zod's fallback: a schema's own
// message always wins over it. fromZod then keeps one message per field and numbers list items as
// the UI shows them (criteria.10.text → "Criterion 11").
// ---------------------------------------------------------------------------------------------

type PathKey = PropertyKey;

/** "organizationName" → "organization name", "stageId" → "stage", "candidateIds" → "candidates". */
export function fieldLabel(key: PathKey | undefined): string {
  if (typeof key !== "string" || !key) return "this field";
  const words = key
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
  return words.replace(/ ids$/, "s").replace(/ id$/, "") || words;
}

const IRREGULAR: Record<string, string> = { criteria: "criterion", people: "person", children: "child", data: "item" };

/** The name of one item of a list field: "criteria" → "criterion", "postingIds" → "posting". */
export function itemLabel(listKey: PathKey | undefined): string {
  const label = fieldLabel(listKey);
  if (label === "this field") return "item";
  const words = label.split(" ");
  const last = words.pop()!;
  const one = IRREGULAR[last] ?? (last.endsWith("ies") ? `${last.slice(0, -3)}y` : last.endsWith("ses") ? last.slice(0, -2) : last.replace(/s$/, ""));
  return [...words, one].join(" ");
}

const capitalize = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** "REQUIRED" → "Required", "non-hired" stays; lists read "a, b or c". */
const valueLabel = (v: unknown) => (typeof v === "string" ? (/^[A-Z_]+$/.test(v) ? capitalize(v.toLowerCase().replace(/_/g, " ")) : v) : String(v));
const oneOf = (values: readonly unknown[]) => {
  const labels = values.map(valueLabel);
  return labels.length <= 1 ? (labels[0] ?? "") : `${labels.slice(0, -1).join(", ")} or ${labels.at(-1)}`;
};

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  bigint: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a set of fields",
  date: "a date",
};

const FORMATS: Record<string, string> = {
  email: "Enter a valid email address",
  url: "Enter a web address starting with https://",
  uuid: "That is not a valid id",
  cuid: "That is not a valid id",
  datetime: "Enter a date and time",
  date: "Enter a date",
};

/** The field a message is about: the last named key of the path ("criteria.3.text" → "text"). */
function subject(path: readonly PathKey[]): { label: string; item: boolean } {
  const last = path.at(-1);
  if (typeof last === "number") return { label: itemLabel(path.at(-2)), item: true };
  return { label: fieldLabel(last), item: false };
}

/**
 * A plain sentence for an issue zod would word for developers. Used as zod's fallback, so it only
 * runs where a schema did not say what to do itself.
 */
export function plainIssueMessage(issue: z.core.$ZodRawIssue | z.core.$ZodIssue): string {
  const path = (issue.path ?? []) as PropertyKey[];
  const { label } = subject(path);
  const Label = capitalize(label);
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "invalid_type": {
      const expected = String(issue.expected);
      if (input === undefined || input === null) {
        // An id is picked, not typed: "Choose the stage" for a missing stageId.
        const picked = typeof path.at(-1) === "string" && /Ids?$/.test(String(path.at(-1)));
        return expected === "array" || picked ? `Choose the ${label}` : expected === "string" ? `Enter the ${label}` : `${Label} is missing`;
      }
      return `${Label} must be ${TYPE_NAMES[expected] ?? expected}`;
    }
    case "too_small": {
      const min = Number(issue.minimum);
      if (issue.origin === "string") return min <= 1 ? `Enter the ${label}` : `Use at least ${min} characters for the ${label}`;
      if (issue.origin === "array" || issue.origin === "set") return min <= 1 ? `Choose at least one ${itemLabel(path.at(-1))}` : `Choose at least ${min} ${label}`;
      return `${Label} must be at least ${min}`;
    }
    case "too_big": {
      const max = Number(issue.maximum);
      if (issue.origin === "string") return `Keep the ${label} to ${max} characters or fewer`;
      if (issue.origin === "array" || issue.origin === "set") return `Choose at most ${max} ${label}`;
      return `${Label} must be at most ${max}`;
    }
    case "invalid_format": {
      const format = String(issue.format);
      if (format === "regex" || format === "starts_with" || format === "ends_with" || format === "includes") return `${Label} contains characters that are not allowed`;
      return FORMATS[format] ?? `${Label} is not a valid ${format.replace(/_/g, " ")}`;
    }
    case "invalid_value":
      return issue.values.length === 1 ? `${Label} must be ${valueLabel(issue.values[0])}` : `Choose ${oneOf(issue.values)}`;
    case "unrecognized_keys":
      return `Unexpected field${issue.keys.length === 1 ? "" : "s"}: ${issue.keys.join(", ")}`;
    case "not_multiple_of":
      return `${Label} must be a multiple of ${String(issue.divisor)}`;
    case "invalid_key":
    case "invalid_element":
      return `${Label} has an entry that is not valid`;
    case "invalid_union":
    case "custom":
    default:
      return `${Label} is not valid`;
  }
}

z.config({ customError: (issue) => plainIssueMessage(issue) });

/** "criteria.10.text" → "Criterion 11"; no location for a plain field (its message names it). */
export function issueLocation(path: readonly PropertyKey[]): string | null {
  for (let i = path.length - 1; i >= 0; i--) {
    const segment = path[i];
    if (typeof segment === "number") return `${capitalize(itemLabel(path[i - 1]))} ${segment + 1}`;
  }
  return null;
}

const SUMMARY_LIMIT = 5;

const sentence = (s: string) => {
  const t = capitalize(s.trim());
  return /[.!?…]$/.test(t) ? t : `${t}.`;
};

/**
 * A 400 from a zod error: one plain message per field (the first issue of each, keyed by its path as
 * the client knows it) and a summary that names list items by their shown number.
 */
export function fromZod(error: ZodError): AppError {
  const fieldErrors: Record<string, string[]> = {};
  const summary: string[] = [];
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_";
    if (fieldErrors[key]) continue;
    const message = capitalize(issue.message.trim()).replace(/\.$/, "");
    fieldErrors[key] = [message];
    // Rows (a list item with fields, like a criterion) are named by number; a bad value in a plain
    // list (a posting id, a state) is told by its own message.
    const where = typeof issue.path.at(-1) === "number" ? null : issueLocation(issue.path);
    summary.push(sentence(where ? `${where}: ${message}` : message));
  }
  if (summary.length === 0) return badRequest("Check what you entered and try again.");
  // A form has a handful of fields: the summary names each problem (GOV.UK's error summary), and
  // the fields repeat their own under them.
  const shown = summary.slice(0, SUMMARY_LIMIT).join(" ");
  const more = summary.length - SUMMARY_LIMIT;
  return badRequest(more > 0 ? `${shown} And ${more} more ${more === 1 ? "problem" : "problems"}.` : shown, fieldErrors);
}

export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return fromZod(error);
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  return null;
}
