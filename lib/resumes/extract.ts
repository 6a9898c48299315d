import { existsSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import pLimit from "p-limit";
import { config } from "@/lib/config";
import { log } from "@/lib/log";

/**
 * Résumé text from the files Lever stores: PDF through pdf-parse (pdf.js), DOCX through mammoth.
 * Anything else, or a file that cannot be read, is reported rather than thrown: a candidate without
 * résumé text is still imported, and screening says "unknown" for it.
 *
 * Applicants control these files, so parsing runs in a worker thread (lib/resumes/parse-worker.mjs)
 * with a heap limit and a deadline, and is killed when it passes either. Inside, a DOCX's declared
 * and actual inflated sizes and a PDF's inflated streams are held to a cap before the parsers see
 * them, PDF pages are capped and text stops at a character cap.
 */

export type ExtractStatus = "parsed" | "empty" | "unsupported" | "too_large" | "too_slow" | "invalid_pdf" | "invalid_docx" | "failed";

export interface ExtractResult {
  text: string | null;
  status: ExtractStatus;
}

export interface ResumeParseLimits {
  /** Most a DOCX's parts, or a PDF's compressed streams, may inflate to. */
  maxInflatedBytes: number;
  maxPages: number;
  maxChars: number;
  timeoutMs: number;
  maxHeapMb: number;
  /** Parser threads the process keeps, and so files parsed at once. */
  threads: number;
}

const MAX_TEXT = 200_000;

export function resumeParseLimits(): ResumeParseLimits {
  const r = config().resumes;
  return { maxInflatedBytes: r.maxInflatedBytes, maxPages: r.maxPages, maxChars: MAX_TEXT, timeoutMs: r.parseTimeoutMs, maxHeapMb: r.parseMaxHeapMb, threads: r.parseThreads };
}

type Kind = "pdf" | "docx" | "text";

function kindOf(contentType: string | null | undefined, fileName: string | null | undefined): Kind | null {
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

// ---------------------------------------------------------------------------------------------------
// The worker threads

type WorkerAnswer = { ok: true; text: string } | { ok: false; reason: "too_large" | "invalid" | "too_slow" | "crashed"; message: string };

/**
 * Loaded from the project folder rather than through the bundler: a worker thread needs a file on
 * disk, and `next start`, the worker process, tests and benchmarks all run from the project root.
 */
const WORKER_FILE = path.join(process.cwd(), "lib", "resumes", "parse-worker.mjs");

/** As many parses at once as there are parser threads; each thread may hold its full heap limit. */
const slots = pLimit(1);
/** Started workers are kept for the next file: starting one and loading pdf.js costs ~100 ms. */
const idle: Array<{ worker: Worker; maxHeapMb: number }> = [];

let checkedWorkerFile = false;

function startWorker(maxHeapMb: number): Worker {
  if (!checkedWorkerFile) {
    checkedWorkerFile = true;
    // Without it every résumé would be "could not be read"; say why once, loudly.
    if (!existsSync(WORKER_FILE)) log.error("the résumé parser is missing: run the app from the project folder", { file: WORKER_FILE });
  }
  const worker = new Worker(WORKER_FILE, {
    workerData: { resumeParser: true },
    // Plain JavaScript needs none of the parent's loaders (tsx would also turn source maps on here).
    execArgv: [],
    // A résumé's garbage is short-lived; a larger young generation only kept ~25 MB more per idle
    // worker resident without parsing any faster.
    resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: Math.min(8, Math.max(4, maxHeapMb / 8)) },
  });
  // An idle parser must not keep a script or the test runner alive; a running parse holds its timer.
  worker.unref();
  // Always listened to, so a worker that dies between files is dropped rather than crashing the process.
  const drop = () => {
    const at = idle.findIndex((w) => w.worker === worker);
    if (at >= 0) idle.splice(at, 1);
  };
  worker.on("error", drop).on("exit", drop);
  return worker;
}

function runInWorker(kind: Kind, bytes: Uint8Array, limits: ResumeParseLimits): Promise<WorkerAnswer> {
  slots.concurrency = limits.threads;
  return slots(
    () =>
      new Promise<WorkerAnswer>((resolve) => {
        const reused = idle.findIndex((w) => w.maxHeapMb === limits.maxHeapMb);
        const worker = reused >= 0 ? idle.splice(reused, 1)[0]!.worker : startWorker(limits.maxHeapMb);
        let settled = false;
        const finish = (answer: WorkerAnswer, keep: boolean) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          worker.off("message", onMessage).off("error", onError).off("exit", onExit);
          if (keep && idle.length < limits.threads) idle.push({ worker, maxHeapMb: limits.maxHeapMb });
          else void worker.terminate();
          resolve(answer);
        };
        const onMessage = (answer: WorkerAnswer) => finish(answer, answer.ok);
        const onError = (error: Error & { code?: string }) =>
          finish(
            error.code === "ERR_WORKER_OUT_OF_MEMORY"
              ? { ok: false, reason: "too_large", message: `parsing needed more than ${limits.maxHeapMb} MB` }
              : { ok: false, reason: "crashed", message: error.message },
            false,
          );
        const onExit = (code: number) => finish({ ok: false, reason: "crashed", message: `the parser stopped (exit ${code})` }, false);
        const timer = setTimeout(
          () => finish({ ok: false, reason: "too_slow", message: `parsing took more than ${limits.timeoutMs} ms` }, false),
          limits.timeoutMs,
        );
        worker.on("message", onMessage).on("error", onError).on("exit", onExit);
        worker.postMessage({ kind, bytes, limits: { maxInflatedBytes: limits.maxInflatedBytes, maxPages: limits.maxPages, maxChars: limits.maxChars } });
      }),
  );
}

// ---------------------------------------------------------------------------------------------------

function statusOf(answer: Exclude<WorkerAnswer, { ok: true }>, kind: Kind): ExtractStatus {
  if (answer.reason === "too_large" || answer.reason === "too_slow") return answer.reason;
  if (answer.reason === "invalid") return kind === "pdf" ? "invalid_pdf" : kind === "docx" ? "invalid_docx" : "failed";
  return "failed";
}

export async function extractResumeText(
  bytes: Uint8Array,
  meta: { contentType?: string | null; fileName?: string | null },
  limits: ResumeParseLimits = resumeParseLimits(),
): Promise<ExtractResult> {
  const kind = kindOf(meta.contentType, meta.fileName);
  if (!kind) return { text: null, status: "unsupported" };
  const answer = await runInWorker(kind, bytes, limits);
  if (!answer.ok) {
    const status = statusOf(answer, kind);
    log.warn("could not read résumé text", { kind, status, reason: answer.message, bytes: bytes.byteLength });
    return { text: null, status };
  }
  const text = normalizeText(answer.text.replace(/-- \d+ of \d+ --/g, ""));
  return text ? { text, status: "parsed" } : { text: null, status: "empty" };
}
