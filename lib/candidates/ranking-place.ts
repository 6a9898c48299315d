import { RANKED_PAGE_SIZE, rankedCandidates, RankedFiltersSchema } from "@/lib/screening/results";

type Search = Record<string, string | string[] | undefined>;

/** The job page's list parameters a candidate link carries, so previous/next follow what the recruiter was looking at. */
const LIST_KEYS = ["stage", "status", "required", "review", "v"] as const;

/**
 * The query string of the job's ranked list with these filters, at `page` (omitted on the first):
 * "" when there is nothing to carry, else "?…".
 */
export function rankingQuery(search: Search, page?: number): string {
  const q = new URLSearchParams();
  for (const key of LIST_KEYS) {
    const value = search[key];
    for (const one of value === undefined ? [] : Array.isArray(value) ? value : [value]) q.append(key, one);
  }
  if (page && page > 1) q.set("page", String(page));
  return q.size ? `?${q}` : "";
}

export interface Neighbour {
  id: string;
  /** The list page it is on, carried so the job page's link back opens there. */
  page: number;
}

export interface RankingPlace {
  /** 1-based, in the filtered ranking. */
  position: number;
  total: number;
  previous: Neighbour | null;
  next: Neighbour | null;
}

/** A job with more candidates than this is searched only this deep for the one shown (previous/next are then left out). */
const MAX_PAGES_SEARCHED = 40;

/**
 * Where a candidate stands in their job's ranked list as the job page shows it with `search`'s
 * filters, and who comes before and after. It reads the list through the job page's own ranking,
 * so both always agree. The page the link came from is looked at first; null when the candidate
 * is not in the filtered list (for example rejected while the list shows active candidates only).
 */
export async function rankingPlace(organizationId: string, jobId: string, candidateId: string, search: Search): Promise<RankingPlace | null> {
  const filters = RankedFiltersSchema.parse(search);
  // The criteria hash only marks stale results, which previous/next do not need.
  const at = (page: number) => rankedCandidates(organizationId, jobId, { ...filters, page }, "");
  const hinted = await at(filters.page);
  const pages = [hinted.page, ...Array.from({ length: hinted.pages }, (_, i) => i + 1).filter((p) => p !== hinted.page)].slice(0, MAX_PAGES_SEARCHED);
  for (const page of pages) {
    const list = page === hinted.page ? hinted : await at(page);
    const i = list.rows.findIndex((r) => r.id === candidateId);
    if (i < 0) continue;
    const before = list.rows[i - 1]?.id ?? (page > 1 ? (await at(page - 1)).rows.at(-1)?.id : undefined);
    const after = list.rows[i + 1]?.id ?? (page < list.pages ? (await at(page + 1)).rows[0]?.id : undefined);
    return {
      position: (page - 1) * RANKED_PAGE_SIZE + i + 1,
      total: list.total,
      previous: before ? { id: before, page: list.rows[i - 1] ? page : page - 1 } : null,
      next: after ? { id: after, page: list.rows[i + 1] ? page : page + 1 } : null,
    };
  }
  return null;
}
