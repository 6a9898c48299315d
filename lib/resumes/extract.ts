import { log } from "@/lib/log";

/**
 * Résumé text from the files Lever stores: PDF through pdf-parse (pdf.js), DOCX through mammoth.
 * Anything else, or a file that cannot be read, is reported rather than thrown: a candidate without
 * résumé text is still imported, and screening says "unknown" for it.
 */

export type ExtractStatus = "parsed" | "empty" | "unsupported" | "failed";

export interface ExtractResult {
  text: string | null;
  status: ExtractStatus;
}

const MAX_TEXT = 200_000;

function kindOf(contentType: string | null | undefined, fileName: string | null | undefined): "pdf" | "docx" | "text" | null {
  const ct = (contentType ?? "").toLowerCase();
  const ext = (fileName ?? "").toLowerCase().split(".").pop() ?? "";
  if (ct.includes("pdf") || ext === "pdf") return "pdf";
  if (ct.includes("wordprocessingml") || ext === "docx") return "docx";
  if (ct.startsWith("text/plain") || ext === "txt") return "text";
  return null;
}

export function normalizeText(text: string): string {
  return text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t\f\v\u00a0]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim()
    .slice(0, MAX_TEXT);
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { PDFParse } = await import("pdf-parse");
  const parser = new PDFParse({ data: bytes });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

async function docxText(bytes: Uint8Array): Promise<string> {
  const mammoth = await import("mammoth");
  const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  return result.value;
}

export async function extractResumeText(bytes: Uint8Array, meta: { contentType?: string | null; fileName?: string | null }): Promise<ExtractResult> {
  const kind = kindOf(meta.contentType, meta.fileName);
  if (!kind) return { text: null, status: "unsupported" };
  try {
    const raw = kind === "pdf" ? await pdfText(bytes) : kind === "docx" ? await docxText(bytes) : Buffer.from(bytes).toString("utf8");
    const text = normalizeText(raw.replace(/-- \d+ of \d+ --/g, ""));
    return text ? { text, status: "parsed" } : { text: null, status: "empty" };
  } catch (error) {
    log.warn("could not read résumé text", { kind, error });
    return { text: null, status: "failed" };
  }
}
