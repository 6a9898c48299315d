import { AppError } from "@/lib/errors";
import { RateLimitTimeoutError } from "./rate-limit";

/**
 * One error type for every ATS's HTTP failures, and one table that says what each means to the app:
 * whether trying again can help, and what to tell a person. Providers throw `AtsApiError` (or a
 * subclass); the core classifies with `classifyAtsError` and never looks at a provider's own types.
 */
export class AtsApiError extends Error {
  override readonly name: string = "AtsApiError";
  constructor(
    /** "Lever": the ATS that answered, in the words the UI uses. */
    readonly provider: string,
    /** HTTP status, or 0 when no answer came (network error, timeout). */
    readonly status: number,
    /** A short machine code: the ATS's own when it sends one, else ours ("too_large", "timeout", …). */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type AtsErrorClass =
  /** Trying again later can succeed: 408, 425, 429, 5xx, no answer, our own rate limit. */
  | "retryable"
  /** The ATS refused the request itself; the same request will be refused again. */
  | "permanent"
  /** The ATS no longer accepts the connection's credentials: an admin must reconnect. */
  | "auth"
  /** The thing asked for does not exist in the ATS (or the connection cannot see it). */
  | "not_found";

/** Status → class. 401/403 are the connection's access; 404 and 410 are the thing; 408/425/429 are timing. */
export function classifyStatus(status: number): AtsErrorClass {
  if (status === 0 || status === 408 || status === 425 || status === 429 || status >= 500) return "retryable";
  if (status === 401 || status === 403) return "auth";
  if (status === 404 || status === 410) return "not_found";
  return "permanent";
}

/** The class of any error the core may meet while talking to an ATS; unknown errors are retryable. */
export function classifyAtsError(error: unknown): AtsErrorClass {
  if (error instanceof RateLimitTimeoutError) return "retryable";
  if (error instanceof AtsApiError) return classifyStatus(error.status);
  if (error instanceof AppError) return "permanent";
  return "retryable";
}

/** True when trying the same call again later cannot help. */
export const isPermanentAtsError = (error: unknown): boolean => classifyAtsError(error) !== "retryable";

/** A message safe to show admins and store: no tokens, no bodies, no stack. */
export function describeAtsError(error: unknown, providerLabel = "The ATS"): string {
  if (error instanceof AtsApiError) return error.status ? `${error.provider} answered ${error.status} (${error.code})` : `${error.provider} did not answer (${error.code})`;
  if (error instanceof RateLimitTimeoutError) return `${providerLabel} is busy; waited for the rate limit`;
  if (error instanceof AppError) return error.message;
  if (error instanceof Error && error.name === "TimeoutError") return `${providerLabel} did not answer in time`;
  return "Unexpected error while processing";
}

/** An ATS failure as an answer to a person's request (never the ATS's raw body or a token). */
export function atsToAppError(error: unknown, providerLabel: string, context: { notFound?: string; badRequest?: string } = {}): unknown {
  if (error instanceof RateLimitTimeoutError) return new AppError(503, "ats_busy", `${providerLabel} is busy right now. Try again in a minute.`);
  if (!(error instanceof AtsApiError)) return error;
  const kind = classifyAtsError(error);
  if (kind === "not_found" && context.notFound) return new AppError(404, "not_found", context.notFound);
  if (error.status === 400 && context.badRequest) return new AppError(400, "bad_request", context.badRequest);
  if (kind === "auth") return new AppError(409, "ats_access", `${providerLabel} refused access. An admin may need to reconnect ${providerLabel} in Settings → ATS.`);
  if (kind === "retryable") return new AppError(503, "ats_unavailable", `${providerLabel} did not answer in time. Try again in a minute.`);
  return new AppError(502, "ats_error", `${providerLabel} answered ${error.status}. Try again later.`);
}
