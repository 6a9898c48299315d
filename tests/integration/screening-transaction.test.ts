import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { importCandidate } from "@/lib/imports/candidates";
import { QUEUES } from "@/lib/jobs/definitions";
import { candidateInput, candidateScreeningStatus, inputHash, screenCandidate, type ScreenCandidateJob } from "@/lib/screening/run";
import { resultVersion } from "@/lib/writeback/record";
import { drain, notesOf, startWriteBackBed, type WriteBackBed } from "./writeback-bed";

const REFUSAL = "write-back job refused by the database";

/**
 * Screening stores a result and asks for its note in one transaction. When the last step fails (the
 * write-back's queue job cannot be inserted) nothing is kept: no result that looks current while its
 * note was never asked for. The screening job's retry then stores the result and asks exactly once.
 */
describe("screening a candidate stores the result and its note request together", () => {
  let w: WriteBackBed;
  let job: ScreenCandidateJob;
  const prisma = () => w.bed.db.prisma;
  const candidate = () => w.candidates[0]!;

  // A trigger, so the failure is the real enqueue's SQL failing inside the screening's transaction.
  async function refuseWriteBackJobs() {
    await prisma().$executeRawUnsafe(
      `CREATE OR REPLACE FUNCTION refuse_write_back_job() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${REFUSAL}'; END $$`,
    );
    await prisma().$executeRawUnsafe(
      `CREATE TRIGGER refuse_write_back_job BEFORE INSERT ON pgboss.job FOR EACH ROW WHEN (NEW.name = '${QUEUES.writeBack.name}') EXECUTE FUNCTION refuse_write_back_job()`,
    );
  }
  const acceptWriteBackJobs = () => prisma().$executeRawUnsafe(`DROP TRIGGER IF EXISTS refuse_write_back_job ON pgboss.job`);

  const noteActions = () => prisma().writeBackAction.findMany({ where: { organizationId: w.org.organizationId, candidateId: candidate().id, kind: "NOTE" }, orderBy: { createdAt: "asc" } });
  const writeBackJobsFor = async (actionId: string) => {
    const rows = await prisma().$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'actionId' = $2`, QUEUES.writeBack.name, actionId);
    return rows[0]!.n;
  };

  async function setCriteria(texts: string[]) {
    await prisma().screeningCriterion.deleteMany({ where: { organizationId: w.org.organizationId, jobId: w.jobId } });
    await prisma().screeningCriterion.createMany({
      data: texts.map((text, position) => ({ organizationId: w.org.organizationId, jobId: w.jobId, text, kind: "REQUIRED" as const, weight: "HIGH" as const, position })),
    });
  }

  beforeAll(async () => {
    w = await startWriteBackBed(1);
    await setCriteria(["5+ years of Python", "Experience with Kubernetes"]);
    await prisma().candidate.update({
      where: { id: candidate().id },
      data: { resumeText: "Senior Backend Engineer, Northwind (2016 – present): 9 years of Python building payment APIs on Kubernetes." },
    });
    job = { organizationId: w.org.organizationId, candidateId: candidate().id };
  });
  afterEach(async () => {
    await acceptWriteBackJobs();
  });
  afterAll(async () => {
    await w.close();
  });

  it("a first screening whose note request fails stores nothing; the retry stores the result with its input hash and asks for one note", async () => {
    await refuseWriteBackJobs();
    await expect(screenCandidate(prisma(), job)).rejects.toThrow(REFUSAL);
    expect(await prisma().screeningResult.findUnique({ where: { candidateId: candidate().id } })).toBeNull();
    expect(await candidateScreeningStatus(w.org, candidate().id)).toEqual({ screenedAt: null, score: null, current: false });
    expect(await noteActions()).toEqual([]);

    await acceptWriteBackJobs();
    expect(await screenCandidate(prisma(), job)).toBe("screened");
    const result = await prisma().screeningResult.findUniqueOrThrow({ where: { candidateId: candidate().id } });
    const row = await prisma().candidate.findUniqueOrThrow({ where: { id: candidate().id } });
    expect(result.inputHash).toBe(inputHash(candidateInput(row)));
    const actions = await noteActions();
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ status: "PENDING", idempotencyKey: `note:${result.id}:${resultVersion(result)}` });
    expect(await writeBackJobsFor(actions[0]!.id)).toBe(1);

    // Run again with nothing changed: nothing is rewritten and no note is asked for.
    expect(await screenCandidate(prisma(), job)).toBe("unchanged");
    expect(await noteActions()).toHaveLength(1);

    await drain(w);
    expect(notesOf(w, candidate().externalId)).toHaveLength(1);
  });

  it("a re-screening whose note request fails leaves the previous result as it was, still out of date; the retry replaces it and asks once", async () => {
    const before = await prisma().screeningResult.findUniqueOrThrow({ where: { candidateId: candidate().id } });
    await setCriteria(["5+ years of Python", "Experience with Kubernetes", "Experience with Terraform"]);

    await refuseWriteBackJobs();
    await expect(screenCandidate(prisma(), job)).rejects.toThrow(REFUSAL);
    expect(await prisma().screeningResult.findUniqueOrThrow({ where: { candidateId: candidate().id } })).toEqual(before);
    expect(await candidateScreeningStatus(w.org, candidate().id)).toMatchObject({ score: before.score, current: false });
    expect(await noteActions()).toHaveLength(1);

    await acceptWriteBackJobs();
    expect(await screenCandidate(prisma(), job)).toBe("screened");
    const after = await prisma().screeningResult.findUniqueOrThrow({ where: { candidateId: candidate().id } });
    expect(after.criteriaHash).not.toBe(before.criteriaHash);
    expect(await candidateScreeningStatus(w.org, candidate().id)).toMatchObject({ current: true });
    const actions = await noteActions();
    expect(actions).toHaveLength(2);
    expect(actions[1]).toMatchObject({ status: "PENDING", idempotencyKey: `note:${after.id}:${resultVersion(after)}` });
    expect(await writeBackJobsFor(actions[1]!.id)).toBe(1);

    // The note on Lever is replaced, not added to.
    await drain(w);
    expect(notesOf(w, candidate().externalId)).toHaveLength(1);
  });

  it("an imported candidate and its screening job commit together: a failure between them keeps neither, and the retry keeps both once", async () => {
    const { externalId: postingId } = await prisma().job.findUniqueOrThrow({ where: { id: w.jobId }, select: { externalId: true } });
    const added = await w.bed.sim.addApplication({ postingId, name: "Grace Hopper" });
    const connection = { id: w.connectionId, organizationId: w.org.organizationId, provider: "LEVER" as const, settings: null };
    const stored = () => prisma().candidate.findMany({ where: { organizationId: w.org.organizationId, provider: "LEVER", externalId: added.opportunityId }, select: { id: true } });
    const screeningJobs = async (candidateId: string) =>
      (await prisma().$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'candidateId' = $2`, QUEUES.screeningRun.name, candidateId))[0]!.n;

    await prisma().$executeRawUnsafe(`CREATE OR REPLACE FUNCTION refuse_screening_job() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'screening job refused'; END $$`);
    await prisma().$executeRawUnsafe(
      `CREATE TRIGGER refuse_screening_job BEFORE INSERT ON pgboss.job FOR EACH ROW WHEN (NEW.name = '${QUEUES.screeningRun.name}') EXECUTE FUNCTION refuse_screening_job()`,
    );
    try {
      await expect(importCandidate(connection, added.opportunityId, "MANUAL")).rejects.toThrow(/screening job refused/);
      expect(await stored()).toHaveLength(0);
    } finally {
      await prisma().$executeRawUnsafe(`DROP TRIGGER IF EXISTS refuse_screening_job ON pgboss.job`);
    }

    await expect(importCandidate(connection, added.opportunityId, "MANUAL")).resolves.toMatchObject({ kind: "imported", candidateCreated: true });
    const [row] = await stored();
    expect(await screeningJobs(row!.id)).toBe(1);
  });
});
