/**
 * Hostile résumé files, built on the spot for tests and the bombs benchmark: small on the wire,
 * huge once inflated, or lying in their headers.
 */
import { deflateSync } from "node:zlib";
import { buildZip } from "@/tools/lever-sim/files";

export const MiB = 1024 * 1024;

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/** A DOCX whose word/document.xml is `inflatedBytes` of one repeated paragraph (a few hundred KB zipped). */
export function docxBomb(inflatedBytes: number): Uint8Array {
  const head = Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>`);
  const tail = Buffer.from("</w:body></w:document>");
  const paragraph = "<w:p><w:r><w:t>Seven years of Go and PostgreSQL at Initech.</w:t></w:r></w:p>";
  const body = Buffer.alloc(inflatedBytes - head.length - tail.length, paragraph);
  // Cut at a paragraph boundary so the XML stays well formed.
  const whole = body.subarray(0, body.length - (body.length % paragraph.length));
  return buildZip([
    { name: "[Content_Types].xml", data: CONTENT_TYPES },
    { name: "_rels/.rels", data: RELS },
    { name: "word/document.xml", data: Buffer.concat([head, whole, tail]) },
  ]);
}

/** Rewrites the inflated size an entry declares, in its local header and in the central directory. */
export function lieAboutSize(zip: Uint8Array, entryName: string, declaredSize: number): Uint8Array {
  const out = Buffer.from(zip);
  const name = Buffer.from(entryName);
  for (let at = 0; at + 4 <= out.length; at++) {
    const signature = out.readUInt32LE(at);
    if (signature === 0x04034b50 && out.subarray(at + 30, at + 30 + name.length).equals(name) && out.readUInt16LE(at + 26) === name.length) {
      out.writeUInt32LE(declaredSize, at + 22);
    } else if (signature === 0x02014b50 && out.subarray(at + 46, at + 46 + name.length).equals(name) && out.readUInt16LE(at + 28) === name.length) {
      out.writeUInt32LE(declaredSize, at + 24);
    }
  }
  return new Uint8Array(out);
}

/** A one-page PDF (xref with exact offsets) whose content stream is `content`, Flate-compressed `layers` times. */
export function pdfWithContent(content: Buffer, { compress = true, layers = compress ? 1 : 0 }: { compress?: boolean; layers?: number } = {}): Uint8Array {
  let stream = content;
  for (let i = 0; i < layers; i++) stream = deflateSync(stream, { level: 9 });
  const filters = Array.from({ length: layers }, () => "/FlateDecode").join(" ");
  const dict = layers ? `<< /Length ${stream.length} /Filter [${filters}] >>` : `<< /Length ${stream.length} >>`;
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let size = 0;
  const push = (b: Buffer | string) => {
    const buf = typeof b === "string" ? Buffer.from(b, "latin1") : b;
    parts.push(buf);
    size += buf.length;
  };
  push("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
  ];
  objects.forEach((body, i) => {
    offsets[i + 1] = size;
    push(`${i + 1} 0 obj\n${body}\nendobj\n`);
  });
  offsets[5] = size;
  push(`5 0 obj\n${dict}\nstream\n`);
  push(stream);
  push("\nendstream\nendobj\n");
  const xrefAt = size;
  push(`xref\n0 6\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`);
  push(`trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(parts));
}

/** Text operators repeated to `bytes`: a page that pdf.js would decode and read whole. */
export function repeatedText(bytes: number): Buffer {
  return Buffer.alloc(bytes, "BT /F1 10 Tf 50 700 Td (Seven years of Go and PostgreSQL at Initech.) Tj ET\n");
}

/** Operators that draw nothing and hold no text: slow to interpret, never reaching a character cap. */
export function repeatedMoves(bytes: number): Buffer {
  return Buffer.alloc(bytes, "1 0 0 1 0 0 cm\n");
}
