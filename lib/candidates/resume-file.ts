import type { OrgContext } from "@/lib/auth/guard";
import { visibleCandidates } from "@/lib/auth/job-access";
import { atsToAppError, AtsApiError } from "@/lib/ats/errors";
import { providerFor } from "@/lib/ats/registry";
import { config } from "@/lib/config";
import { requireActiveConnection } from "@/lib/connections/lookup";
import { db } from "@/lib/db/client";
import { AppError, conflict, notFound } from "@/lib/errors";
import { API_CONTENT_SECURITY_POLICY } from "@/lib/http/security-headers";

/**
 * The original résumé file, read from the ATS when asked and never stored: a file deleted or replaced
 * there is gone or replaced here too, and the app keeps no copy of documents it does not need.
 *
 * The file's bytes, type and name come from whoever uploaded it, so nothing about them is trusted:
 * only a file that is a PDF by its own first bytes, and claimed as one, is shown in the browser, and
 * then sandboxed (no scripts, no same-origin access); everything else is a download under a plain name.
 */

const PDF = "application/pdf";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const DOC = "application/msword";

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]; // PK.. (DOCX is a zip)
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0]; // legacy .doc

/** The type the file is served as: the claimed one only when the bytes agree, else opaque bytes. */
function servedType(claimed: string, bytes: Uint8Array): { type: string; ext: string } {
  const type = claimed.toLowerCase();
  if (type === PDF && startsWith(bytes, PDF_MAGIC)) return { type: PDF, ext: "pdf" };
  if (type === DOCX && startsWith(bytes, ZIP_MAGIC)) return { type: DOCX, ext: "docx" };
  if (type === DOC && startsWith(bytes, OLE_MAGIC)) return { type: DOC, ext: "doc" };
  return { type: "application/octet-stream", ext: "" };
}

/**
 * A file name safe in a header and on disk: the last path part, no control characters, quotes,
 * backslashes or separators, a bounded length, and the extension of the type it is served as.
 */
export function safeFileName(raw: string | null, ext: string): string {
  const base = (raw ?? "").split(/[/\\]/).pop() ?? "";
  let name = base
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, " ")
    .replace(/["'`;:*?<>|%]/g, "")
    .replace(/\s+/g, " ")
    .replace(/^[.\s]+|[.\s]+$/g, "");
  if (ext) name = name.replace(/\.[^.]*$/, "");
  name = Array.from(name).slice(0, 100).join("").trim() || "resume";
  return ext ? `${name}.${ext}` : name;
}

function disposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Headers every answer of this route carries: the browser must not guess types or run anything (next.config sends the same policy for all of /api). */
export const RESUME_BASE_HEADERS = {
  "x-content-type-options": "nosniff",
  "content-security-policy": API_CONTENT_SECURITY_POLICY,
  "cache-control": "private, no-store",
  "referrer-policy": "no-referrer",
} as const;

/** The candidate's résumé as it is in the ATS now, as a response; `download` asks for an attachment even for a PDF. */
export async function resumeFileResponse(org: OrgContext, candidateId: string, { download }: { download: boolean }): Promise<Response> {
  const prisma = await db();
  const candidate = await prisma.candidate.findFirst({
    where: { ...visibleCandidates(org), id: candidateId },
    select: { externalId: true, provider: true, resumeFileName: true },
  });
  if (!candidate) throw notFound("Candidate not found");
  const connection = await requireActiveConnection(org.organizationId);
  const provider = providerFor(candidate.provider);
  if (connection.provider !== candidate.provider) throw conflict(`This candidate was imported from ${provider.label}, which is no longer connected, so the original file cannot be read.`);

  let file;
  try {
    file = await provider.session(connection, { priority: "high", interactive: true }).getResumeFile(candidate.externalId);
  } catch (error) {
    if (error instanceof AtsApiError && error.code === "too_large") {
      throw new AppError(502, "too_large", `The résumé in ${provider.label} is larger than ${Math.round(config().resumes.maxBytes / 1024 / 1024)} MB, so it is not shown here. Open it in ${provider.label}.`);
    }
    throw atsToAppError(error, provider.label, { notFound: `This candidate is no longer in ${provider.label}.` });
  }
  if (!file) throw notFound(`${provider.label} has no résumé file for this candidate.`);
  if (file.bytes.byteLength > config().resumes.maxBytes) {
    throw new AppError(502, "too_large", `The résumé in ${provider.label} is too large to show here. Open it in ${provider.label}.`);
  }

  const { type, ext } = servedType(file.contentType, file.bytes);
  const fileName = safeFileName(file.fileName ?? candidate.resumeFileName, ext);
  const inline = type === PDF && !download;
  return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
    status: 200,
    headers: {
      ...RESUME_BASE_HEADERS,
      "content-type": type,
      "content-length": String(file.bytes.byteLength),
      "content-disposition": disposition(inline ? "inline" : "attachment", fileName),
    },
  });
}
