import { createHash } from "node:crypto";
import type { CriterionInput } from "./types";

/**
 * A stable hash of a job's criteria, stored beside each screening result: when it differs from the
 * hash of the job's current criteria, the result is stale. Criteria are sorted by id (their display
 * order does not change a result); text is trimmed with whitespace collapsed (reformatting doesn't
 * either); kind and weight count (they change the score). `version` lets a caller also invalidate
 * results when the engine's rules change (e.g. LOCAL_ENGINE_VERSION).
 */
export function criteriaHash(criteria: readonly Pick<CriterionInput, "id" | "text" | "kind" | "weight">[], version = ""): string {
  const canonical = [...criteria]
    .map((c) => [c.id, c.text.trim().replace(/\s+/g, " "), c.kind, c.weight] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return createHash("sha256").update(JSON.stringify({ v: version, c: canonical })).digest("hex");
}
