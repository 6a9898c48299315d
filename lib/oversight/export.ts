import { VERDICT_LABEL } from "@/lib/screening/labels";
import type { Verdict } from "@/lib/screening/types";
import { csvLine } from "./csv";
import { recordRows, type DecisionRow, type RecordScope, type TimeRange, type VersionRow } from "./record-pages";

/**
 * An auditor's export of the decision record (a job's or the whole organization's) as CSV or JSON,
 * streamed: rows are read a page at a time and written as they come.
 */

export const CSV_COLUMNS = [
  "type",
  "id",
  "at",
  "job_id",
  "job_title",
  "candidate_id",
  "candidate_name",
  "version",
  "engine",
  "engine_version",
  "score",
  "required_tier",
  "needs_review",
  "verdicts",
  "input_hash",
  "criteria_hash",
  "anonymized_at",
  "decision",
  "summary",
  "actor",
  "actor_user_id",
  "result_version_id",
  "rule_id",
  "suggestion_id",
  "write_back_status",
  "details_json",
] as const;

function csvRow(r: VersionRow | DecisionRow): string {
  const common = [r.type, r.id, r.at, r.jobId, r.jobTitle, r.candidateId, r.candidateName];
  if (r.type === "result_version") {
    const verdicts = r.verdicts.map((v) => `${v.criterion}: ${VERDICT_LABEL[v.verdict as Verdict] ?? v.verdict}`).join("; ");
    return csvLine([...common, r.version, r.engine, r.engineVersion, r.score, r.requiredTier, r.needsReview, verdicts, r.inputHash, r.criteriaHash, r.anonymizedAt, null, r.summary, null, null, null, null, null, null, null]);
  }
  return csvLine([
    ...common,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    r.kind,
    [r.label, r.summary].filter(Boolean).join(": "),
    r.actor,
    r.actorUserId,
    r.resultVersionId,
    r.ruleId,
    r.suggestionId,
    r.writeBackStatus,
    JSON.stringify(r.details),
  ]);
}

/** The export as a stream of bytes; JSON is one array of rows, written row by row. */
export function exportStream(scope: RecordScope, range: TimeRange, format: "csv" | "json"): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const rows = recordRows(scope, range);
  let first = true;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (done) return;
      if (first) {
        controller.enqueue(encoder.encode(format === "csv" ? csvLine(CSV_COLUMNS) : "[\n"));
      }
      const next = await rows.next();
      if (next.done) {
        done = true;
        if (format === "json") controller.enqueue(encoder.encode(first ? "]\n" : "\n]\n"));
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(format === "csv" ? csvRow(next.value) : `${first ? "" : ",\n"}${JSON.stringify(next.value)}`));
      first = false;
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
}

export function exportResponse(scope: RecordScope, range: TimeRange, format: "csv" | "json", filename: string): Response {
  return new Response(exportStream(scope, range, format), {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
