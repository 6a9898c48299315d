import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AtsApiError, isPermanentAtsError } from "@/lib/ats/errors";
import type { AtsSession } from "@/lib/ats/provider";
import { greenhouse } from "./index";
import { authorizeWithSim, createConnection, startGreenhouseTestBed, type GreenhouseTestBed } from "./test-helpers";

/** What the contract leaves open for Greenhouse: job states in the core's words, stages by name per job, other accounts' ids. */

let bed: GreenhouseTestBed;
let session: AtsSession;

beforeAll(async () => {
  bed = await startGreenhouseTestBed({ applicationsPerAccount: 12 });
  const { connectionId, organizationId } = await createConnection(bed.db, await authorizeWithSim(bed.sim, 0));
  session = greenhouse.session({ id: connectionId, organizationId });
});
afterAll(() => bed?.close());

describe("Greenhouse session", () => {
  it("lists jobs by the core's states: open is published, closed stays closed", async () => {
    const jobs = bed.sim.context.accounts[0]!.jobs;
    const closed = (await session.listJobs({ states: ["closed"], limit: 100 })).items;
    expect(closed.map((j) => j.externalId).sort()).toEqual(jobs.filter((j) => j.status === "closed").map((j) => String(j.id)).sort());
    expect(closed.every((j) => j.state === "closed")).toBe(true);
    const live = (await session.listJobs({ states: ["published", "internal"], limit: 100 })).items;
    expect(live.map((j) => j.externalId).sort()).toEqual(jobs.filter((j) => j.status !== "closed").map((j) => String(j.id)).sort());
    expect(live.find((j) => j.state === "published")?.requirementLists.length).toBeGreaterThan(0);
  });

  it("moves by stage name within the candidacy's job; a name that job lacks is a final refusal and moves nothing", async () => {
    const account = bed.sim.context.accounts[0]!;
    const app = account.applications.find((a) => a.status === "active")!;
    const job = account.jobs.find((j) => j.id === app.job_id)!;
    const target = job.stages.find((s) => s.id !== app.stage_id)!;
    await session.moveStage(String(app.id), target.name, null);
    expect((await session.getCandidate(String(app.id))).externalStageId).toBe(target.name);
    expect(app.stage_id).toBe(target.id);

    const error = await session.moveStage(String(app.id), "No Such Stage", null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AtsApiError);
    expect(isPermanentAtsError(error)).toBe(true);
    expect(app.stage_id).toBe(target.id);
  });

  it("answers another Greenhouse account's application, or an id that is not Greenhouse's, as not found", async () => {
    const foreign = bed.sim.context.accounts[1]!.applications[0]!;
    for (const id of [String(foreign.id), "12abc", "../users"]) {
      const error = await session.getCandidate(id).catch((e: unknown) => e);
      expect(error, id).toBeInstanceOf(AtsApiError);
      expect((error as AtsApiError).status, id).toBe(404);
    }
  });
});
