// Runs in a worker thread started by extract.ts, never in the main thread: applicants control these
// files, so the parser gets a heap limit and a deadline there, and is killed when it passes either.
// Plain JavaScript because the worker loads this file directly from disk (no bundler, no TypeScript
// loader in production).
//
// Request: { kind: "pdf" | "docx" | "text", bytes: Uint8Array, limits: { maxInflatedBytes, maxPages, maxChars } }
// Answer:  { ok: true, text } | { ok: false, reason: "too_large" | "invalid", message }
import { parentPort, workerData } from "node:worker_threads";
import { constants, inflateRawSync, inflateSync } from "node:zlib";

// With source maps on (tsx, or --enable-source-maps), the first error pdf.js throws and catches
// internally makes Node parse pdf-parse's 3 MB source map: ~70 MB of heap kept for the worker's life.
process.setSourceMapsEnabled(false);

/** A file refused on purpose (a limit, or a structure we will not read), as opposed to a parser crash. */
export class Refused extends Error {
  /** @param {"too_large" | "invalid"} reason @param {string} message */
  constructor(reason, message) {
    super(message);
    this.reason = reason;
  }
}

const MiB = 1024 * 1024;
/** @param {number} n */
const mib = (n) => (n < MiB ? `${Math.ceil(n / 1024)} KiB` : `${(n / MiB).toFixed(1)} MiB`);

// ---------------------------------------------------------------------------------------------------
// DOCX: a zip read here rather than by mammoth's JSZip, which inflates whole entries and only then
// compares their size with the header.

/** Entries of a real DOCX number in the tens; a directory of thousands is a way to burn time. */
const MAX_ZIP_ENTRIES = 2000;

/**
 * The zip's central directory, with every entry's declared inflated size and their total checked
 * against the cap before anything is inflated.
 * @param {Uint8Array} bytes
 * @param {number} maxInflatedBytes
 */
export function readZipDirectory(bytes, maxInflatedBytes) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at) => view.getUint16(at, true);
  const u32 = (at) => view.getUint32(at, true);
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw new Refused("invalid", "not a zip archive");
  const count = u16(eocd + 10);
  const dirSize = u32(eocd + 12);
  const dirOffset = u32(eocd + 16);
  // ZIP64 marks its sizes 0xFFFF/0xFFFFFFFF: only needed past 4 GiB or 65,535 entries, never for a résumé.
  if (count === 0xffff || dirOffset === 0xffffffff || dirSize === 0xffffffff) throw new Refused("too_large", "a ZIP64 archive");
  if (count > MAX_ZIP_ENTRIES) throw new Refused("too_large", `${count} parts in the archive`);
  if (dirOffset + dirSize > eocd) throw new Refused("invalid", "the zip directory points outside the file");

  /** @type {Map<string, { method: number, flags: number, compressedSize: number, size: number, localOffset: number }>} */
  const entries = new Map();
  let declaredTotal = 0;
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || u32(at) !== 0x02014b50) throw new Refused("invalid", "a damaged zip directory");
    const nameLength = u16(at + 28);
    const entry = {
      flags: u16(at + 8),
      method: u16(at + 10),
      compressedSize: u32(at + 20),
      size: u32(at + 24),
      localOffset: u32(at + 42),
    };
    const name = Buffer.from(bytes.buffer, bytes.byteOffset + at + 46, nameLength).toString("utf8");
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw new Refused("too_large", "a ZIP64 archive");
    if (entry.size > maxInflatedBytes) throw new Refused("too_large", `a part declares ${mib(entry.size)} inflated (limit ${mib(maxInflatedBytes)})`);
    declaredTotal += entry.size;
    if (declaredTotal > maxInflatedBytes) throw new Refused("too_large", `its parts declare more than ${mib(maxInflatedBytes)} inflated`);
    if (!entries.has(name)) entries.set(name, entry);
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return entries;
}

/**
 * The zip as mammoth's `file` input (`exists`, `read`): each part inflated on demand with at most
 * the size its header declares (a larger result means the header lied) and at most what is left of
 * the budget for the whole file.
 * @param {Uint8Array} bytes
 * @param {number} maxInflatedBytes
 */
export function openDocx(bytes, maxInflatedBytes) {
  const entries = readZipDirectory(bytes, maxInflatedBytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let inflated = 0;

  /** @param {string} name */
  function inflate(name) {
    const entry = entries.get(name);
    if (!entry) throw new Refused("invalid", `no part named ${name}`);
    if (entry.flags & 0x1) throw new Refused("invalid", "an encrypted part");
    const local = entry.localOffset;
    if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50) throw new Refused("invalid", "a damaged zip entry");
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw new Refused("invalid", "a zip entry runs past the end of the file");
    const data = bytes.subarray(start, end);
    const budget = Math.min(entry.size, maxInflatedBytes - inflated);
    let out;
    if (entry.method === 0) {
      out = data;
    } else if (entry.method === 8) {
      try {
        // maxOutputLength stops zlib as soon as the output passes the budget: the actual size is
        // checked while inflating, not after.
        out = inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch (error) {
        if (error instanceof RangeError) throw new Refused("too_large", `a part inflates past its declared ${mib(entry.size)}`);
        throw new Refused("invalid", "a damaged compressed part");
      }
    } else {
      throw new Refused("invalid", `an unsupported zip compression method (${entry.method})`);
    }
    if (out.length > budget) throw new Refused("too_large", `a part inflates past its declared ${mib(entry.size)}`);
    if (out.length !== entry.size) throw new Refused("invalid", "a part's size does not match its header");
    inflated += out.length;
    return out;
  }

  return {
    /** @param {string} name */
    exists: (name) => entries.has(name),
    /** @param {string} name @param {string} [encoding] */
    read: (name, encoding) =>
      Promise.resolve().then(() => {
        const data = inflate(name);
        if (encoding === "base64") return Buffer.from(data).toString("base64");
        if (encoding) return new TextDecoder(encoding).decode(data);
        return data;
      }),
  };
}

async function docxText(bytes, limits) {
  const file = openDocx(bytes, limits.maxInflatedBytes);
  const mammothModule = await import("mammoth");
  const mammoth = mammothModule.default ?? mammothModule;
  const result = await mammoth.extractRawText({ file });
  return result.value;
}

// ---------------------------------------------------------------------------------------------------
// PDF

/**
 * Refuses a PDF whose compressed (Flate) streams inflate past the cap, before pdf.js decodes them:
 * pdf.js keeps a decoded content stream whole, so 1 KB can become 100 MB of operators. Streams are
 * found by their keywords, which is rough but errs towards counting more.
 * @param {Uint8Array} bytes
 * @param {number} maxInflatedBytes
 */
export function checkPdfStreams(bytes, maxInflatedBytes) {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  let inflated = 0;
  const keyword = /stream\r?\n/g;
  for (let match = keyword.exec(text); match; match = keyword.exec(text)) {
    if (text.slice(match.index - 3, match.index) === "end") continue;
    const start = match.index + match[0].length;
    const stop = text.indexOf("endstream", start);
    const end = stop < 0 ? bytes.length : stop;
    keyword.lastIndex = end;
    // A stream may be Flate-encoded more than once (/Filter [/FlateDecode /FlateDecode]): follow the
    // layers, each against what is left of the budget.
    let layer = bytes.subarray(start, end);
    for (let depth = 0; depth < 4 && looksLikeZlib(layer); depth++) {
      try {
        // Z_SYNC_FLUSH: a stream cut short (or followed by an end-of-line) still counts what it gave.
        layer = inflateSync(layer, { maxOutputLength: Math.max(1, maxInflatedBytes - inflated), finishFlush: constants.Z_SYNC_FLUSH });
      } catch (error) {
        if (error instanceof RangeError) throw new Refused("too_large", `its compressed content inflates past ${mib(maxInflatedBytes)}`);
        // Not Flate after all, or damaged: pdf.js decides what to make of it.
        break;
      }
      inflated += layer.length;
    }
  }
}

/** @param {Uint8Array} data */
function looksLikeZlib(data) {
  const cmf = data[0];
  const flg = data[1];
  return cmf !== undefined && flg !== undefined && (cmf & 0x0f) === 8 && ((cmf << 8) | flg) % 31 === 0;
}

async function pdfText(bytes, limits) {
  checkPdfStreams(bytes, limits.maxInflatedBytes);
  const { PDFParse } = await import("pdf-parse");
  const parser = new PDFParse({ data: bytes });
  try {
    const pages = [];
    let chars = 0;
    let total = 1;
    // Page by page, so a long document stops at the page cap and at the character cap.
    for (let page = 1; page <= Math.min(total, limits.maxPages) && chars < limits.maxChars; page++) {
      const result = await parser.getText({ partial: [page], pageJoiner: "" });
      total = result.total;
      pages.push(result.text);
      chars += result.text.length;
    }
    return pages.join("\n\n");
  } finally {
    await parser.destroy();
  }
}

// ---------------------------------------------------------------------------------------------------

/** @param {{ kind: "pdf" | "docx" | "text", bytes: Uint8Array, limits: { maxInflatedBytes: number, maxPages: number, maxChars: number } }} job */
export async function parse(job) {
  const bytes = job.bytes;
  if (job.kind === "pdf") return pdfText(bytes, job.limits);
  if (job.kind === "docx") return docxText(bytes, job.limits);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8", 0, Math.min(bytes.length, job.limits.maxChars * 4));
}

// Only when started as the résumé parser (test runners also run files in worker threads).
if (workerData?.resumeParser) parentPort?.on("message", async (job) => {
  try {
    const text = await parse(job);
    parentPort?.postMessage({ ok: true, text: text.slice(0, job.limits.maxChars) });
  } catch (error) {
    // Whatever the parser could not make sense of is, to us, not a valid file of its kind.
    const refused = error instanceof Refused;
    parentPort?.postMessage({
      ok: false,
      reason: refused ? error.reason : "invalid",
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
