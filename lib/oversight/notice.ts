import { audit } from "@/lib/audit";
import { z } from "zod";
import type { OrgContext } from "@/lib/auth/guard";
import { db } from "@/lib/db/client";
import { fromZod, notFound } from "@/lib/errors";

/**
 * The notice an organization pastes into its job posts: candidates are told that an automated tool
 * helps screen applications, that a person makes every decision, and how to ask for a human review
 * instead (NYC Local Law 144 and the EU AI Act expect candidates to be told; GDPR article 22 gives them
 * the right to human intervention). One per organization; until an admin edits it, the default below.
 */

export const MAX_NOTICE = 4000;

export function defaultNotice(organizationName: string): string {
  return [
    `${organizationName} uses an automated screening tool to help review applications. It compares the information in your application with the requirements listed in this job post and summarizes it for our recruiters.`,
    "The tool does not make decisions: a person reviews every application and makes every decision about it, including whether you move forward.",
    "If you would rather have your application reviewed by a person only, without the automated tool, say so when you apply (for example in your cover letter or in the application form) or write to the recruiter named in this job post at any time. We will then not screen your application automatically, and this will not count against you.",
  ].join("\n\n");
}

export interface NoticeView {
  text: string;
  isDefault: boolean;
  defaultText: string;
}

export async function candidateNotice(org: Pick<OrgContext, "organizationId">): Promise<NoticeView> {
  const row = await (await db()).organization.findUnique({ where: { id: org.organizationId }, select: { name: true, candidateNotice: true } });
  if (!row) throw notFound("Organization not found");
  const defaultText = defaultNotice(row.name);
  return { text: row.candidateNotice ?? defaultText, isDefault: row.candidateNotice === null, defaultText };
}

const NoticeInput = z.object({
  // null (or the default wording itself) goes back to the default, which follows a renamed organization.
  text: z
    .string({ error: "Write the notice, or reset it to the default wording" })
    .transform((s) => s.replace(/\r\n/g, "\n").trim())
    .pipe(z.string().min(40, { error: "The notice is too short to tell candidates what they need to know (40 characters at least)" }).max(MAX_NOTICE, { error: `Keep the notice under ${MAX_NOTICE} characters` }))
    .nullable(),
});

/** Admins only (the route's guard checks the role); recorded in the audit log. */
export async function saveCandidateNotice(org: OrgContext, input: unknown): Promise<NoticeView> {
  const parsed = NoticeInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const prisma = await db();
  const current = await candidateNotice(org);
  const text = parsed.data.text === current.defaultText ? null : parsed.data.text;
  await prisma.$transaction(async (tx) => {
    await tx.organization.update({ where: { id: org.organizationId }, data: { candidateNotice: text } });
    await audit(tx, {
      organizationId: org.organizationId,
      actorUserId: org.userId,
      action: "notice.updated",
      message: text === null ? `${org.userEmail} reset the candidate notice to the default wording` : `${org.userEmail} edited the candidate notice`,
    });
  });
  return candidateNotice(org);
}
