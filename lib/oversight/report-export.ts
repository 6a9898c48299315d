import { csvLine } from "./csv";
import { oversightReport, reportCsvRows } from "./report";
import type { RecordScope, TimeRange } from "./record-pages";

/** The oversight report's numbers as a download: the same ones the page draws. */
export async function reportResponse(scope: RecordScope, range: TimeRange, format: "csv" | "json", filename: string): Promise<Response> {
  const report = await oversightReport(scope, range);
  const headers = { "content-disposition": `attachment; filename="${filename}.${format}"`, "cache-control": "no-store" };
  if (format === "json") return Response.json(report, { headers });
  const body = csvLine(["section", "label", "value"]) + reportCsvRows(report).map(csvLine).join("");
  return new Response(body, { headers: { ...headers, "content-type": "text/csv; charset=utf-8" } });
}
