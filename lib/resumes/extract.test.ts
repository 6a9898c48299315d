import { describe, expect, it } from "vitest";
import { buildPdf, buildZip, documentBytes } from "@/tools/lever-sim/files";
import { docxBomb, lieAboutSize, MiB, pdfWithContent, repeatedMoves, repeatedText } from "@/tests/helpers/resume-bombs";
import { extractResumeText, resumeParseLimits, type ResumeParseLimits } from "./extract";
import { checkPdfStreams } from "./parse-worker.mjs";

const RESUME = "Dana Whitfield\nSenior Backend Engineer\nSeven years of Go, PostgreSQL and Kubernetes at Initech.\nBSc Computer Science, University of Leeds";
const DOCX = { fileName: "cv.docx" };
const PDF = { contentType: "application/pdf", fileName: "cv.pdf" };

const limits = (overrides: Partial<ResumeParseLimits> = {}): ResumeParseLimits => ({ ...resumeParseLimits(), ...overrides });

describe("résumé text extraction", () => {
  it("reads the text of a PDF", async () => {
    const r = await extractResumeText(documentBytes("pdf", RESUME), PDF);
    expect(r.status).toBe("parsed");
    expect(r.text).toContain("Senior Backend Engineer");
    expect(r.text).toContain("PostgreSQL and Kubernetes");
  });

  it("reads the text of a DOCX", async () => {
    const r = await extractResumeText(documentBytes("docx", RESUME), DOCX);
    expect(r.status).toBe("parsed");
    expect(r.text).toContain("BSc Computer Science, University of Leeds");
  });

  it("reports a corrupt file and an unsupported type instead of throwing", async () => {
    expect((await extractResumeText(new TextEncoder().encode("%PDF-1.4 garbage"), { fileName: "x.pdf" })).status).toBe("invalid_pdf");
    expect((await extractResumeText(new TextEncoder().encode("PK not a zip"), DOCX)).status).toBe("invalid_docx");
    expect((await extractResumeText(new Uint8Array([1, 2, 3]), { contentType: "image/png", fileName: "x.png" })).status).toBe("unsupported");
  });
});

describe("hostile résumé files", () => {
  it("refuses a DOCX that inflates to 100 MB from its declared sizes, before inflating it", async () => {
    const bomb = docxBomb(100 * MiB);
    expect(bomb.byteLength).toBeLessThan(2 * MiB);
    expect(await extractResumeText(bomb, DOCX)).toEqual({ text: null, status: "too_large" });
  });

  it("refuses a DOCX whose header claims a small part that inflates to far more", async () => {
    const liar = lieAboutSize(docxBomb(8 * MiB), "word/document.xml", 4096);
    expect(await extractResumeText(liar, DOCX, limits({ maxInflatedBytes: MiB }))).toEqual({ text: null, status: "too_large" });
  });

  it("refuses a DOCX whose parts together declare more than the cap", async () => {
    const many = buildZip([
      { name: "word/document.xml", data: Buffer.alloc(600 * 1024, "a") },
      { name: "word/styles.xml", data: Buffer.alloc(600 * 1024, "b") },
    ]);
    expect((await extractResumeText(many, DOCX, limits({ maxInflatedBytes: MiB }))).status).toBe("too_large");
  });

  it("refuses a PDF under 1 MB whose one page holds 100 MB of text", async () => {
    const bomb = pdfWithContent(repeatedText(100 * MiB));
    expect(bomb.byteLength).toBeLessThan(MiB);
    expect(await extractResumeText(bomb, PDF)).toEqual({ text: null, status: "too_large" });
  });

  it("counts every layer of a PDF stream compressed twice", async () => {
    const twice = pdfWithContent(repeatedText(100 * MiB), { layers: 2 });
    expect(twice.byteLength).toBeLessThan(64 * 1024);
    expect(() => checkPdfStreams(twice, 20 * MiB)).toThrow(/inflates past 20.0 MiB/);
    expect(await extractResumeText(twice, PDF)).toEqual({ text: null, status: "too_large" });
  });

  it("reads only the first pages of a PDF with thousands of them", async () => {
    const text = Array.from({ length: 2000 }, (_, page) => `PAGE MARKER ${page + 1}\n${"Go and PostgreSQL.\n".repeat(51)}`).join("");
    const r = await extractResumeText(buildPdf(text), PDF, limits({ maxPages: 30 }));
    expect(r.status).toBe("parsed");
    expect(r.text).toContain("PAGE MARKER 30\n");
    expect(r.text).not.toContain("PAGE MARKER 31\n");
  });

  it("stops at the character cap", async () => {
    const text = Array.from({ length: 40 }, (_, page) => `PAGE MARKER ${page + 1}\n${"Go and PostgreSQL at Initech.\n".repeat(51)}`).join("");
    const r = await extractResumeText(buildPdf(text), PDF, limits({ maxChars: 1000 }));
    expect(r.status).toBe("parsed");
    expect(r.text).toContain("PAGE MARKER 1\n");
    expect(r.text).not.toContain("PAGE MARKER 2\n");
  });

  it("stops a parse that passes its deadline", async () => {
    // Megabytes of operators with no text: seconds of pdf.js work against a 50 ms deadline.
    const slow = pdfWithContent(repeatedMoves(8 * MiB), { compress: false });
    expect(await extractResumeText(slow, PDF, limits({ timeoutMs: 50 }))).toEqual({ text: null, status: "too_slow" });
    // The next file gets a fresh parser.
    expect((await extractResumeText(documentBytes("pdf", RESUME), PDF)).status).toBe("parsed");
  });

  it("stops a parse that passes its heap limit", async () => {
    // 15 MB of XML is well under the inflate cap, but mammoth's DOM of it needs far more than 32 MB.
    const r = await extractResumeText(docxBomb(15 * MiB), DOCX, limits({ maxHeapMb: 32 }));
    expect(r).toEqual({ text: null, status: "too_large" });
  });
});
