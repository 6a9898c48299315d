import { withOrganization } from "@/lib/auth/guard";
import { searchAtsPostings } from "@/lib/imports/postings";

export const dynamic = "force-dynamic";

/** The import picker: one page of the connected ATS's postings (state filter, search, the ATS's opaque page token). */
export const GET = withOrganization(async (req, { org }) => {
  const p = req.nextUrl.searchParams;
  const page = await searchAtsPostings(org, { states: p.getAll("state"), q: p.get("q") ?? undefined, offset: p.get("offset") || undefined });
  return Response.json(page);
});
