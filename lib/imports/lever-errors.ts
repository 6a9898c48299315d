import { AppError } from "@/lib/errors";
import { LeverApiError } from "@/lib/ats/providers/lever/client";
import { RateLimitTimeoutError } from "@/lib/ats/rate-limit";

/** Lever's failures as answers a recruiter can act on (never Lever's raw body or a token). */
export function leverToAppError(error: unknown, context: { notFound?: string; badRequest?: string } = {}): unknown {
  if (error instanceof RateLimitTimeoutError) return new AppError(503, "lever_busy", "Lever is busy right now. Try again in a minute.");
  if (!(error instanceof LeverApiError)) return error;
  if (error.status === 404 && context.notFound) return new AppError(404, "not_found", context.notFound);
  if (error.status === 400 && context.badRequest) return new AppError(400, "bad_request", context.badRequest);
  if (error.status === 401 || error.status === 403) {
    return new AppError(409, "lever_access", "Lever refused access. An admin may need to reconnect Lever in Settings → ATS.");
  }
  if (error.status === 429 || error.status >= 500 || error.status === 0) {
    return new AppError(503, "lever_unavailable", "Lever did not answer in time. Try again in a minute.");
  }
  return new AppError(502, "lever_error", `Lever answered ${error.status}. Try again later.`);
}
