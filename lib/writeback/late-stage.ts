import type { Prisma } from "@/lib/db/client";

/**
 * Where a rejection deserves a second look: the candidate is at a late stage, or was hired.
 *
 * "Late" is read from the organization's ordered pipeline (the ATS's stage order): the first stage
 * whose name starts with "Offer" and every stage after it. A pipeline with no such stage has its last
 * stage as the late one. Lever's default pipeline ends with Offer, so there Offer is late; a pipeline
 * with Offer, then Background check, has both. Hired means archived with a hired-type reason.
 */
export type Caution = "late" | "hired";

export function lateStageIds(stages: ReadonlyArray<{ id: string; text: string; position: number }>): Set<string> {
  const ordered = [...stages].sort((a, b) => a.position - b.position);
  const offer = ordered.findIndex((s) => /^\s*offer/i.test(s.text));
  const from = offer >= 0 ? offer : ordered.length - 1;
  return new Set(from >= 0 ? ordered.slice(from).map((s) => s.id) : []);
}

export function cautionOf(candidate: { stageId: string | null; archiveReasonType: string | null }, late: ReadonlySet<string>): Caution | null {
  if (candidate.archiveReasonType === "hired") return "hired";
  return candidate.stageId && late.has(candidate.stageId) ? "late" : null;
}

/** The organization's late stages, read once per request. */
export async function organizationLateStages(prisma: Pick<Prisma, "stage">, organizationId: string): Promise<Set<string>> {
  return lateStageIds(await prisma.stage.findMany({ where: { organizationId }, select: { id: true, text: true, position: true } }));
}
