import { expect } from "vitest";
import { leverTokenManager } from "@/lib/ats/providers/lever/tokens";
import type { OrgContext } from "@/lib/auth/guard";
import { config } from "@/lib/config";
import { LeverClient } from "@/lib/ats/providers/lever/client";
import { toAtsJob } from "@/lib/ats/providers/lever/mapping";
import { upsertJob } from "@/lib/imports/candidates";
import { syncStagesAndReasons } from "@/lib/imports/reference";
import { authorizeWithSim, createConnection, startLeverTestBed, type LeverTestBed } from "@/lib/ats/providers/lever/test-helpers";
import { QUEUES } from "@/lib/jobs/definitions";
import { queue, startQueue, stopQueue } from "@/lib/jobs/queue";
import type { StoredVerdict } from "@/lib/screening/run";
import { formatResultNote } from "@/lib/screening/result-note";
import { requiredStateOfStored } from "@/lib/screening/score";
import { candidateUrl, requestResultNote } from "@/lib/writeback";
import { workWriteBacks } from "@/lib/writeback/worker";

/**
 * An organization connected to the Lever simulator (through msw) with one imported job, its
 * candidates, Lever's stages and archive reasons, and an acting Lever user: what write-back needs.
 */
export interface WriteBackBed {
  bed: LeverTestBed;
  org: OrgContext;
  connectionId: string;
  jobId: string;
  actingUserId: string;
  candidates: Array<{ id: string; externalId: string }>;
  close(): Promise<void>;
}

export async function member(bed: LeverTestBed, organizationId: string, email: string, role: "ADMIN" | "RECRUITER"): Promise<OrgContext> {
  const user = await bed.db.prisma.user.create({ data: { email, name: email.split("@")[0] } });
  await bed.db.prisma.membership.create({ data: { organizationId, userId: user.id, role } });
  return { userId: user.id, userEmail: email, organizationId, organizationName: organizationId, role };
}

/** Connects sim account `accountIndex`, imports one posting as a job and `count` of the account's open opportunities as its candidates. */
export async function connectOrg(bed: LeverTestBed, accountIndex: number, count: number, email: string) {
  const prisma = bed.db.prisma;
  const created = await createConnection(bed.db, await authorizeWithSim(bed.sim, accountIndex));
  const org = await member(bed, created.organizationId, email, "RECRUITER");
  const account = bed.sim.state().accounts[accountIndex]!;
  const actingUserId = account.users.find((u) => u.accessRole === "super admin" && !u.deactivatedAt)!.id;
  await prisma.atsConnection.update({ where: { id: created.connectionId }, data: { actingUserExternalId: actingUserId, actingUserName: "Acting User" } });
  await prisma.integrationSettings.create({ data: { organizationId: org.organizationId, connectionId: created.connectionId, postResults: true, updateStages: true } });
  await syncStagesAndReasons({ id: created.connectionId, organizationId: org.organizationId });

  const client = LeverClient.forConnection(created.connectionId);
  const posting = (await client.postingsPage({ state: ["published", "internal"] })).items[0]!;
  const { job } = await upsertJob(prisma, { organizationId: org.organizationId, connectionId: created.connectionId, provider: "LEVER" }, toAtsJob(await client.getPosting(posting.id)), "MANUAL", org.userId);
  const opportunities = (await client.opportunitiesPage({ archived: false, limit: 100 })).items.slice(0, count);
  expect(opportunities).toHaveLength(count);
  const candidates = [];
  for (const o of opportunities) {
    candidates.push(
      await prisma.candidate.create({
        data: { organizationId: org.organizationId, jobId: job.id, provider: "LEVER", externalId: o.id, name: o.name ?? "Candidate", importedVia: "MANUAL" },
        select: { id: true, externalId: true },
      }),
    );
  }
  return { org, connectionId: created.connectionId, jobId: job.id, actingUserId, candidates };
}

export async function startWriteBackBed(count: number): Promise<WriteBackBed> {
  const bed = await startLeverTestBed({ opportunitiesPerAccount: Math.max(60, count * 3) });
  await startQueue({ work: false });
  const alpha = await connectOrg(bed, 0, count, "recruiter@alpha.test");
  return {
    bed,
    ...alpha,
    async close() {
      await stopQueue();
      await bed.close();
    },
  };
}

let screenings = 0;

/** The note the screening asks for with a result, worded as lib/screening/run.ts words it. */
export function noteOf(result: { score: number; summary: string; requiredTier: number; verdicts: unknown }, candidate: { id: string; jobId: string }) {
  const text = formatResultNote({ score: result.score, summary: result.summary, engine: "local", verdicts: result.verdicts as StoredVerdict[] }, { candidateUrl: candidateUrl(candidate) });
  return { text, score: result.score, requiredTier: result.requiredTier as 0 | 1 | 2 };
}

/** Saves a screening result for the candidate, as the screening job does, and asks for its note. */
export async function screen(w: WriteBackBed, candidateId: string, score: number, criteria = "criteria-v1", org: OrgContext = w.org) {
  const prisma = w.bed.db.prisma;
  const verdicts = [
    { criterionId: "c1", text: "Five years of TypeScript", kind: "REQUIRED", weight: "HIGH", verdict: score >= 50 ? "MET" : "NOT_MET", evidence: ["Seven years of TypeScript at Contoso"] },
    { criterionId: "c2", text: "Remote in Europe", kind: "NEUTRAL", weight: "LOW", verdict: "UNKNOWN", evidence: [] },
  ];
  const required = requiredStateOfStored(verdicts as StoredVerdict[]);
  const data = {
    engine: "local",
    score,
    requiredTier: required.tier,
    needsReview: required.needsReview.length,
    summary: `Screening ${++screenings}: score ${score}`,
    verdicts,
    criteriaHash: criteria,
    screenedAt: new Date(),
  };
  return prisma.$transaction(async (tx) => {
    const result = await tx.screeningResult.upsert({
      where: { candidateId },
      create: { organizationId: org.organizationId, candidateId, ...data },
      update: data,
    });
    const candidate = await tx.candidate.findUniqueOrThrow({ where: { id: candidateId }, select: { id: true, jobId: true } });
    await requestResultNote(tx, { organizationId: org.organizationId, candidateId, resultId: result.id, note: noteOf(result, candidate) });
    return result;
  });
}

/** Runs the write-back queue's real worker until no action of the organization is pending or running. */
export async function drain(w: WriteBackBed, organizationId = w.org.organizationId, timeoutMs = 120_000) {
  const boss = await queue();
  await workWriteBacks(boss);
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      const open = await w.bed.db.prisma.writeBackAction.count({ where: { organizationId, status: { in: ["PENDING", "RUNNING"] } } });
      if (open === 0) return;
      if (Date.now() > deadline) throw new Error(`${open} write-backs still open`);
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await boss.offWork(QUEUES.writeBack.name);
  }
}

/** The connection's client without its own retries, so a failure reaches the action at once. */
export function clientWithoutRetries(connectionId: string): LeverClient {
  const tokens = leverTokenManager();
  return new LeverClient({
    apiBase: config().lever.apiBase,
    connectionId,
    tokens: { getAccessToken: () => tokens.getAccessToken(connectionId), refreshAccessToken: (stale) => tokens.refreshAccessToken(connectionId, stale) },
    retry: { retries: 0 },
  });
}

export const notesOf = (w: WriteBackBed, opportunityId: string) => w.bed.sim.state().notes.filter((n) => n.opportunityId === opportunityId && !n.deleted);
export const stageChangesOf = (w: WriteBackBed, opportunityId: string) => w.bed.sim.state().stageChanges.filter((s) => s.opportunityId === opportunityId);
export const archivesOf = (w: WriteBackBed, opportunityId: string) => w.bed.sim.state().archives.filter((a) => a.opportunityId === opportunityId);
