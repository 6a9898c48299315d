import type { ResultNote } from "@/lib/ats/provider";

/**
 * The result as a Greenhouse note. Greenhouse notes are plain text with no score field, so the score
 * leads the text; `admin_only` keeps screening results from interviewers who see public notes.
 */
export function toGreenhouseNote(note: ResultNote, candidateId: number, applicationId: number) {
  const score = Number.isFinite(note.score) ? Math.round(Math.min(100, Math.max(0, note.score))) : 0;
  const lead = `Screening score: ${score}/100`;
  const body = note.text.startsWith(lead) ? note.text : `${lead}\n${note.text}`;
  return { candidate_id: candidateId, application_id: applicationId, body, visibility: "admin_only" as const };
}
