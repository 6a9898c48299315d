import { ZodError } from "zod";
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

export function fromZod(error: ZodError): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  const first = error.issues[0];
  const where = first?.path.length ? `${first.path.join(".")}: ` : "";
  return badRequest(`Invalid input: ${where}${first?.message ?? "unexpected value"}`, fieldErrors);
}

export function toAppError(error: unknown): AppError | null {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return fromZod(error);
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  return null;
}
