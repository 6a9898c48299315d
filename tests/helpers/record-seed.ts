import type { OrgContext } from "@/lib/auth/guard";
import type { Prisma } from "@/lib/db/client";

export interface SeededRecord {
  org: OrgContext;
  jobId: string;
  otherJobId: string;
  candidateId: string;
  hostileName: string;
  resumeText: string;
  evidence: string;
  allIds: string[];
  versionIds: string[];
  decisionIds: string[];
  anonymizedVersionId: string;
  otherJobVersionId: string;
  versionOn: { nov09end: string; nov10start: string; nov11end: string; nov12start: string };
}

const verdicts = (evidence: string, verdict: string) => [
  { criterionId: "crit-python", text: "5+ years of Python", kind: "REQUIRED", weight: "HIGH", verdict, evidence: [evidence], reason: null },
  { criterionId: "crit-k8s", text: "Kubernetes", kind: "PREFERRED", weight: "MEDIUM", verdict: "UNKNOWN", evidence: [], reason: null },
];

/**
 * A decision record with known instants at day boundaries, a candidate whose name is a spreadsheet
 * formula, a deleted candidate's anonymized version and `extraDecisions` more rows (to cross pages).
 */
export async function seedRecord(prisma: Prisma, org: OrgContext, options: { extraDecisions?: number } = {}): Promise<SeededRecord> {
  const organizationId = org.organizationId;
  const tag = organizationId.slice(-6);
  const job = (title: string, externalId: string) => prisma.job.create({ data: { organizationId, provider: "LEVER", externalId: `${externalId}-${tag}`, title, importedVia: "MANUAL" } });
  const [jobA, jobB] = [await job("Backend Engineer", "post-a"), await job("Designer", "post-b")];
  const resumeText = `Résumé of ${tag}: built payment APIs in Python at Northwind for nine years`;
  const evidence = `nine years of Python at Northwind (${tag})`;
  const hostileName = "=cmd|' /C calc'!A0";
  const cand = (jobId: string, name: string, n: number) =>
    prisma.candidate.create({ data: { organizationId, jobId, provider: "LEVER", externalId: `opp-${n}-${tag}`, name, resumeText, importedVia: "MANUAL" } });
  const ada = await cand(jobA.id, "Ada Quinn", 1);
  const hostile = await cand(jobA.id, hostileName, 2);
  const other = await cand(jobB.id, "Bea Long", 3);

  const version = (candidateId: string | null, jobId: string, n: number, at: string, verdict = "MET", anonymized = false) =>
    prisma.screeningResultVersion.create({
      data: {
        organizationId,
        candidateId,
        jobId,
        version: n,
        engine: "local",
        engineVersion: "local-1",
        score: verdict === "MET" ? 85 : 30,
        summary: "Meets the required criteria",
        verdicts: verdicts(anonymized ? "" : evidence, verdict).map((v) => (anonymized ? { ...v, evidence: [] } : v)),
        criteria: [],
        criteriaHash: "crit-hash",
        inputHash: `input-${n}`,
        requiredTier: verdict === "MET" ? 0 : 2,
        needsReview: 1,
        screenedAt: new Date(at),
        anonymizedAt: anonymized ? new Date(at) : null,
      },
    });
  const at = {
    nov09end: "2026-11-09T23:59:59.999Z",
    nov10start: "2026-11-10T00:00:00.000Z",
    nov11end: "2026-11-11T23:59:59.999Z",
    nov12start: "2026-11-12T00:00:00.000Z",
  };
  const v1 = await version(ada.id, jobA.id, 1, at.nov09end);
  const v2 = await version(ada.id, jobA.id, 2, at.nov10start, "NOT_MET");
  const v3 = await version(hostile.id, jobA.id, 1, at.nov11end);
  const anonymized = await version(null, jobA.id, 1, at.nov12start, "NOT_MET", true);
  const vOther = await version(other.id, jobB.id, 1, "2026-11-13T09:00:00.000Z");

  const decision = (data: { candidateId: string | null; jobId: string; kind: string; resultVersionId?: string; createdAt: string; details?: object }) =>
    prisma.decision.create({ data: { organizationId, actorUserId: org.userId, ...data, createdAt: new Date(data.createdAt) } });
  const d1 = await decision({ candidateId: ada.id, jobId: jobA.id, kind: "REJECT", resultVersionId: v2.id, createdAt: "2026-11-10T12:00:00.000Z", details: { action: "reject", reason: 'Said "quoted"\nthen left' } });
  const d2 = await decision({
    candidateId: hostile.id,
    jobId: jobA.id,
    kind: "OVERRIDE",
    resultVersionId: v3.id,
    createdAt: "2026-11-11T12:00:00.000Z",
    details: { criterionId: "crit-python", criterion: "5+ years of Python", aiVerdict: "MET", verdict: "NOT_MET", reason: "@SUM(1+1) scripting only" },
  });
  const d3 = await decision({ candidateId: hostile.id, jobId: jobA.id, kind: "SUGGESTION_CONFIRMED", resultVersionId: v3.id, createdAt: "2026-11-11T13:00:00.000Z" });
  const d4 = await decision({ candidateId: other.id, jobId: jobB.id, kind: "SUGGESTION_DISMISSED", resultVersionId: vOther.id, createdAt: "2026-11-13T10:00:00.000Z" });
  // Three suggestions of one rule: two on job A (one still waiting), one on job B.
  const rule = await prisma.automationRule.create({
    data: { organizationId, jobId: jobA.id, name: "Reject missing Python", condition: { clauses: [] }, action: "reject", createdById: org.userId },
  });
  const suggestion = (jobId: string, candidateId: string, resultVersionId: string, createdAt: string) =>
    prisma.automationSuggestion.create({ data: { organizationId, jobId, ruleId: rule.id, candidateId, resultVersionId, action: "reject", trigger: {}, createdAt: new Date(createdAt) } });
  await suggestion(jobA.id, hostile.id, v3.id, "2026-11-11T12:30:00.000Z");
  await suggestion(jobA.id, ada.id, v2.id, "2026-11-10T08:00:00.000Z");
  await suggestion(jobB.id, other.id, vOther.id, "2026-11-13T09:30:00.000Z");
  const extra = options.extraDecisions ?? 0;
  if (extra) {
    await prisma.decision.createMany({
      data: Array.from({ length: extra }, (_, i) => ({
        organizationId,
        candidateId: ada.id,
        jobId: jobA.id,
        kind: i % 2 ? "ADVANCE" : "RESCREEN",
        actorUserId: org.userId,
        // Many share an instant, so the cursor must order by id within it.
        createdAt: new Date(Date.UTC(2026, 10, 1, 0, 0, Math.floor(i / 7))),
      })),
    });
  }
  const extraIds = (await prisma.decision.findMany({ where: { organizationId, createdAt: { lt: new Date("2026-11-02T00:00:00Z") } }, select: { id: true } })).map((d) => d.id);
  const versionIds = [v1, v2, v3, anonymized, vOther].map((v) => v.id);
  const decisionIds = [d1, d2, d3, d4].map((d) => d.id).concat(extraIds);
  return {
    org,
    jobId: jobA.id,
    otherJobId: jobB.id,
    candidateId: ada.id,
    hostileName,
    resumeText,
    evidence,
    allIds: [...versionIds, ...decisionIds],
    versionIds,
    decisionIds,
    anonymizedVersionId: anonymized.id,
    otherJobVersionId: vOther.id,
    versionOn: { nov09end: v1.id, nov10start: v2.id, nov11end: v3.id, nov12start: anonymized.id },
  };
}
