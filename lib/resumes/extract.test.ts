import { describe, expect, it } from "vitest";
import { documentBytes } from "@/tools/lever-sim/files";
import { extractResumeText } from "./extract";

const RESUME = "Dana Whitfield\nSenior Backend Engineer\nSeven years of Go, PostgreSQL and Kubernetes at Initech.\nBSc Computer Science, University of Leeds";

describe("résumé text extraction", () => {
  it("reads the text of a PDF", async () => {
    const r = await extractResumeText(documentBytes("pdf", RESUME), { contentType: "application/pdf", fileName: "cv.pdf" });
    expect(r.status).toBe("parsed");
    expect(r.text).toContain("Senior Backend Engineer");
    expect(r.text).toContain("PostgreSQL and Kubernetes");
  });

  it("reads the text of a DOCX", async () => {
    const r = await extractResumeText(documentBytes("docx", RESUME), { fileName: "cv.docx" });
    expect(r.status).toBe("parsed");
    expect(r.text).toContain("BSc Computer Science, University of Leeds");
  });

  it("reports a corrupt file and an unsupported type instead of throwing", async () => {
    expect((await extractResumeText(new TextEncoder().encode("%PDF-1.4 garbage"), { fileName: "x.pdf" })).status).toBe("failed");
    expect((await extractResumeText(new Uint8Array([1, 2, 3]), { contentType: "image/png", fileName: "x.png" })).status).toBe("unsupported");
  });
});
