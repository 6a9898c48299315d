/**
 * Why a candidate has no résumé text when the file itself was refused or unreadable, in the words a
 * recruiter sees on the job and candidate pages (the codes are `Candidate.resumeStatus`).
 */
const UNREADABLE: Record<string, string> = {
  too_large: "too large",
  too_slow: "took too long",
  invalid_pdf: "not a valid PDF",
  invalid_docx: "not a valid Word (DOCX) file",
  unsupported: "not a PDF or Word file",
  failed: "the file could not be parsed",
};

export function resumeProblem(status: string | null | undefined): string | null {
  const why = status ? UNREADABLE[status] : undefined;
  return why ? `Résumé could not be read: ${why}` : null;
}
