import { withOrganization } from "@/lib/auth/guard";
import { searchLeverPostings } from "@/lib/imports/postings";

export const dynamic = "force-dynamic";

/** The import picker: one page of Lever postings (state filter, search, Lever's opaque page token). */
export const GET = withOrganization(async (req, { org }) => {
  const p = req.nextUrl.searchParams;
  const page = await searchLeverPostings(org, { states: p.getAll("state"), q: p.get("q") ?? undefined, offset: p.get("offset") || undefined });
  return Response.json(page);
});
