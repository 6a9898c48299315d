import { describe, expect, it, vi } from "vitest";
import { documentBytes } from "@/tools/lever-sim/files";

// Every parser thread the module starts, and how many were alive at once.
const threads = vi.hoisted(() => ({ alive: 0, most: 0 }));
vi.mock("node:worker_threads", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:worker_threads")>();
  class CountedWorker extends actual.Worker {
    constructor(...args: ConstructorParameters<typeof actual.Worker>) {
      super(...args);
      threads.alive += 1;
      threads.most = Math.max(threads.most, threads.alive);
      this.once("exit", () => (threads.alive -= 1));
    }
  }
  return { ...actual, Worker: CountedWorker };
});

const { extractResumeText, resumeParseLimits } = await import("./extract");

const PDF = { contentType: "application/pdf", fileName: "cv.pdf" };
const resumes = (n: number) => Array.from({ length: n }, (_, i) => documentBytes("pdf", `Applicant ${i}\nSenior Backend Engineer\nGo and PostgreSQL`));

describe("résumé parser threads", () => {
  it("keeps no more threads than RESUME_PARSE_THREADS, however many files arrive at once", async () => {
    const results = await Promise.all(resumes(6).map((bytes) => extractResumeText(bytes, PDF, { ...resumeParseLimits(), threads: 1 })));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill("parsed"));
    expect(results[5]!.text).toContain("Applicant 5");
    expect(threads.most).toBe(1);

    const two = await Promise.all(resumes(6).map((bytes) => extractResumeText(bytes, PDF, { ...resumeParseLimits(), threads: 2 })));
    expect(two.every((r) => r.status === "parsed")).toBe(true);
    expect(threads.most).toBe(2);
  });

  it("is one by default: a worker's parsing keeps up with the ATS's rate on one thread", () => {
    expect(resumeParseLimits().threads).toBe(1);
  });
});
