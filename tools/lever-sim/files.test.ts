import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildDocx, buildPdf, crc32 } from "./files";

const TEXT = "JANE O'NEIL\nRenée · “quoted” (parens) \\ backslash — dash\n\nEXPERIENCE\n" + "• Built things with TypeScript\n".repeat(80);

/** Minimal zip reader (central directory) so the test does not trust the writer. */
function unzip(buf: Buffer): Map<string, string> {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(buf.readUInt32LE(p)).toBe(0x02014b50);
    const method = buf.readUInt16LE(p + 10);
    const crc = buf.readUInt32LE(p + 16);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString();
    expect(buf.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + csize);
    const data = method === 8 ? inflateRawSync(raw) : raw;
    expect(crc32(data)).toBe(crc);
    out.set(name, data.toString("utf8"));
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

describe("document builders", () => {
  it("DOCX is a valid OOXML zip with the text in word/document.xml", () => {
    const files = unzip(Buffer.from(buildDocx(TEXT)));
    expect([...files.keys()]).toEqual(expect.arrayContaining(["[Content_Types].xml", "_rels/.rels", "word/document.xml"]));
    const doc = files.get("word/document.xml")!;
    expect(doc).toContain("JANE O'NEIL");
    expect(doc).toContain("Renée · “quoted” (parens) \\ backslash — dash");
    expect(Buffer.from(buildDocx(TEXT)).equals(Buffer.from(buildDocx(TEXT)))).toBe(true);
  });

  it("PDF has a correct xref table, several pages and WinAnsi text", () => {
    const pdf = Buffer.from(buildPdf(TEXT)).toString("latin1");
    expect(pdf.startsWith("%PDF-1.4")).toBe(true);
    const startxref = Number(/startxref\n(\d+)/.exec(pdf)![1]);
    expect(pdf.slice(startxref, startxref + 4)).toBe("xref");
    const [, first, size] = /xref\n(\d+) (\d+)\n/.exec(pdf.slice(startxref))!;
    expect(first).toBe("0");
    const entries = pdf.slice(startxref).split("\n").slice(3, 2 + Number(size));
    entries.forEach((line, i) => {
      const offset = Number(line.slice(0, 10));
      expect(pdf.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
    expect(pdf).toMatch(/\/Count [2-9]/);
    expect(pdf).toContain("(JANE O'NEIL) Tj");
    expect(pdf).toContain("(Ren\xe9e \xb7 \x93quoted\x94 \\(parens\\) \\\\ backslash \x97 dash) Tj");
  });
});
