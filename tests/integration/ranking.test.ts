import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { PUT as putCriteriaRoute } from "@/app/api/jobs/[jobId]/criteria/route";
import type { OrgContext } from "@/lib/auth/guard";
import { importPostings } from "@/lib/imports/postings";
import { LeverClient } from "@/lib/ats/providers/lever/client";
import { LeverSession } from "@/lib/ats/providers/lever";
import { importCandidate } from "@/lib/imports/candidates";
import { authorizeWithSim, createConnection, startLeverTestBed, type LeverTestBed } from "@/lib/ats/providers/lever/test-helpers";
import { QUEUES } from "@/lib/jobs/definitions";
import { queue, startQueue, stopQueue } from "@/lib/jobs/queue";
import { rankedCandidates, RankedFiltersSchema, screeningOverview } from "@/lib/screening/results";
import { screenCandidate, type ScreenCandidateJob } from "@/lib/screening/run";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("@/lib/auth/index", () => ({ auth: async () => (session.userId ? { user: { id: session.userId } } : null) }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined }) }));

const RESUMES = {
  // Every preferred criterion and not the required one: a high score that must not rank first.
  high: [
    "Hana High — Platform Engineer",
    "Platform Engineer, Contoso (2018 – present): ran Kubernetes clusters in production, wrote Terraform modules for every service and operated Kafka pipelines.",
    "Scripting in Bash and Go. Education: BSc Physics.",
  ].join("\n"),
  // The required criterion only: a low score that ranks first.
  low: ["Lou Low — Developer", "Developer, Fabrikam (2017 – present): built internal data tools in Python with Django and pandas.", "Education: BA History."].join("\n"),
  // Nothing to read: every verdict needs review.
  blank: "",
};

/**
 * Ranking respects REQUIRED criteria through the real path (import, screening job, stored result,
 * the job page's query): all required met first, then required needing review, then required
 * missing, each by score.
 */
describe("ranking by REQUIRED criteria, then score", () => {
  let bed: LeverTestBed;
  let alpha: OrgContext;
  let connectionId: string;
  let jobId: string;
  let postingId: string;
  const prisma = () => bed.db.prisma;

  async function drainScreening() {
    const boss = await queue();
    for (;;) {
      const runs = await boss.fetch<ScreenCandidateJob>(QUEUES.screeningRun.name, { batchSize: 50 });
      if (runs.length === 0) return;
      for (const job of runs) await screenCandidate(prisma(), job.data);
      await boss.complete(QUEUES.screeningRun.name, runs.map((j) => j.id));
    }
  }

  async function importApplicant(name: string, resumeText: string) {
    const { opportunityId } = await bed.sim.addApplication({ postingId, name, resumeText });
    const outcome = await importCandidate({ id: connectionId, organizationId: alpha.organizationId, provider: "LEVER", settings: null }, opportunityId, "MANUAL", {
      session: new LeverSession(LeverClient.forConnection(connectionId)),
    });
    if (outcome.kind !== "imported") throw new Error(outcome.message);
    return outcome.candidateId;
  }

  beforeAll(async () => {
    bed = await startLeverTestBed({ opportunitiesPerAccount: 3, rateLimit: false });
    await startQueue({ work: false });
    const a = await createConnection(bed.db, await authorizeWithSim(bed.sim, 0));
    connectionId = a.connectionId;
    const user = await prisma().user.create({ data: { email: "recruiter@rank.test", name: "Recruiter" } });
    await prisma().membership.create({ data: { organizationId: a.organizationId, userId: user.id, role: "RECRUITER" } });
    alpha = { userId: user.id, userEmail: "recruiter@rank.test", organizationId: a.organizationId, organizationName: "Alpha", role: "RECRUITER" };
    session.userId = user.id;
    const postings = await LeverClient.forConnection(connectionId).postingsPage({ state: ["published"] });
    postingId = postings.items[0]!.id;
    jobId = (await importPostings(alpha, { postingIds: [postingId] })).imported[0]!.jobId;
    const res = await putCriteriaRoute(
      new NextRequest(`http://localhost/api/jobs/${jobId}/criteria`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          criteria: [
            { text: "Python", kind: "REQUIRED", weight: "LOW" },
            { text: "Kubernetes", kind: "PREFERRED", weight: "HIGH" },
            { text: "Terraform", kind: "PREFERRED", weight: "HIGH" },
            { text: "Kafka", kind: "PREFERRED", weight: "HIGH" },
          ],
        }),
      }),
      { params: Promise.resolve({ jobId }) },
    );
    expect(res.status).toBe(200);
    await importApplicant("Hana High", RESUMES.high);
    await importApplicant("Lou Low", RESUMES.low);
    await importApplicant("Nia Blank", RESUMES.blank);
    await drainScreening();
  });
  afterAll(async () => {
    await stopQueue();
    await bed.close();
  });

  const ranked = async (q: Record<string, string> = {}) => {
    const overview = await screeningOverview(alpha.organizationId, jobId);
    const page = await rankedCandidates(alpha.organizationId, jobId, RankedFiltersSchema.parse(q), overview.criteriaHash);
    return page.rows.filter((r) => r.result).map((r) => [r.name, r.result!.score, r.result!.requiredTier, r.result!.needsReview]);
  };

  it("ranks a candidate missing a REQUIRED criterion below one who meets them all, though their score is higher; needs review sits between", async () => {
    expect(await ranked()).toEqual([
      ["Lou Low", 10, 0, 0],
      ["Nia Blank", 0, 1, 4],
      ["Hana High", 90, 2, 0],
    ]);
  });

  it("filters on the REQUIRED state and on verdicts that need review, in the database", async () => {
    expect((await ranked({ required: "met" })).map((r) => r[0])).toEqual(["Lou Low"]);
    expect((await ranked({ required: "review" })).map((r) => r[0])).toEqual(["Nia Blank"]);
    expect((await ranked({ required: "missing" })).map((r) => r[0])).toEqual(["Hana High"]);
    expect((await ranked({ review: "1" })).map((r) => r[0])).toEqual(["Nia Blank"]);
    expect((await ranked({ required: "met", review: "1" })).map((r) => r[0])).toEqual([]);
    // A malformed filter is dropped rather than failing the page.
    expect((await ranked({ required: "everything" })).map((r) => r[0])).toEqual(["Lou Low", "Nia Blank", "Hana High"]);
  });
});
