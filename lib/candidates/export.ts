import { audit } from "@/lib/audit";
import type { OrgContext } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { jobOr404 } from "@/lib/auth/job-access";
import { requiredLabel, VERDICT_LABEL } from "@/lib/screening/labels";
import { RANKED_PAGE_SIZE, rankedCandidates, RankedFiltersSchema, screeningOverview } from "@/lib/screening/results";
import { requiredStateOfStored } from "@/lib/screening/score";

type Search = Record<string, string | string[] | undefined>;

/** A job with more matching candidates is exported this far; the file says so in its last line. */
export const MAX_EXPORT_ROWS = 10_000;

/**
 * One CSV field: quoted when it must be, and a leading = + - @ (or tab, carriage return) neutralised,
 * since a name like "=HYPERLINK(…)" would otherwise run as a formula in a spreadsheet.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const line = (fields: Array<string | number | null>) => fields.map(csvField).join(",");

/**
 * The job's ranked candidates as the job page lists them with these filters (every page, in rank
 * order), with each current criterion's verdict. Reading it is recorded in the audit log: it is
 * personal data leaving the app.
 */
export async function exportRankedCandidates(org: OrgContext, jobId: string, search: Search): Promise<{ filename: string; csv: string; rows: number }> {
  const job = await jobOr404(org, jobId, { id: true, title: true });
  const filters = RankedFiltersSchema.parse(search);
  const overview = await screeningOverview(org.organizationId, job.id);
  const criteria = overview.criteria;
  const lines = [
    line(["Rank", "Name", "Email", "Stage", "Status", "Archive reason", "Score", "Required criteria", "Verdicts that need review", "Screened with current criteria", ...criteria.map((c) => c.text)]),
  ];
  let rank = 0;
  let total = 0;
  for (let page = 1; rank < MAX_EXPORT_ROWS; page++) {
    const list = await rankedCandidates(org.organizationId, job.id, { ...filters, page }, overview.criteriaHash);
    total = list.total;
    for (const r of list.rows) {
      if (rank >= MAX_EXPORT_ROWS) break;
      rank++;
      const verdicts = new Map((r.result?.verdicts ?? []).map((v) => [v.criterionId, v.verdict]));
      lines.push(
        line([
          rank,
          r.name,
          r.email,
          r.stage,
          r.archivedAt ? "Archived" : "Active",
          r.archiveReason,
          r.result?.score ?? null,
          r.result ? requiredLabel(requiredStateOfStored(r.result.verdicts)) : "Not screened",
          r.result?.needsReview ?? null,
          r.result ? (r.result.stale ? "No" : "Yes") : null,
          ...criteria.map((c) => {
            const v = verdicts.get(c.id);
            return v ? VERDICT_LABEL[v] : null;
          }),
        ]),
      );
    }
    if (page >= list.pages || list.rows.length < RANKED_PAGE_SIZE) break;
  }
  if (total > rank) lines.push(line([`Only the first ${rank} of ${total} candidates are in this file.`]));

  const prisma = await db();
  await audit(prisma, {
    organizationId: org.organizationId,
    actorUserId: org.userId,
    action: "candidates.exported",
    message: `${org.userEmail} exported ${rank} candidates of “${job.title}” as CSV`,
    details: { jobId: job.id, rows: rank, filters: search },
  });
  const slug = job.title.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60) || "job";
  // A byte order mark, so spreadsheet programs read the names as UTF-8.
  return { filename: `${slug}-candidates.csv`, csv: `\uFEFF${lines.join("\r\n")}\r\n`, rows: rank };
}
