import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentUserId, getOrgContext, type OrgContext } from "./guard";
import { REQUEST_PATH_HEADER, signInPath } from "./return-path";

/**
 * The organization of the signed-in user for a server-rendered page. A page renders beside the app
 * layout, which sends a signed-out visitor to sign in; throwing here as well would only log an error
 * for an ordinary visit, so the page redirects the same way: to sign in (and back to this page), or to
 * /welcome for a user without an organization yet.
 */
export async function pageOrgContext(): Promise<OrgContext> {
  const org = await getOrgContext();
  if (org) return org;
  if (await currentUserId()) redirect("/welcome");
  redirect(signInPath((await headers()).get(REQUEST_PATH_HEADER)));
}
