/**
 * npm run bench — the benchmarks one after another, then one summary table with the ratios to the
 * bounds and aims the issues set.
 *
 *   npm run bench                          webhooks, import, screening, eval, bombs
 *   npm run bench -- webhooks screening    only those (also BENCH_ONLY=webhooks,screening)
 *
 * Each benchmark runs in its own process (the numbers of one do not leak into the next) with its
 * own output; the summary is read from the lines they print.
 */
import { spawn } from "node:child_process";

const BENCHES = {
  webhooks: { file: "bench/webhooks.ts", args: [] as string[], stream: true },
  import: { file: "bench/import.ts", args: [], stream: true },
  screening: { file: "bench/screening.ts", args: [], stream: true },
  eval: { file: "scripts/eval-screening.ts", args: ["--json"], stream: false },
  bombs: { file: "bench/resume-bombs.ts", args: [], stream: true },
} as const;
type Name = keyof typeof BENCHES;

interface Run {
  name: Name;
  code: number;
  seconds: number;
  stdout: string;
}

function runOne(name: Name): Promise<Run> {
  const { file, args, stream } = BENCHES[name];
  console.log(`\n##### ${name}: ${file} ${args.join(" ")}`.trimEnd());
  const started = performance.now();
  // The same malloc arenas as `npm run worker` and `npm start` (see scripts/start.mjs).
  const child = spawn(process.execPath, ["--import", "tsx", file, ...args], { stdio: ["ignore", "pipe", "inherit"], env: { MALLOC_ARENA_MAX: "2", ...process.env } });
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stream) process.stdout.write(chunk);
  });
  return new Promise((resolve) =>
    child.on("close", (code) => resolve({ name, code: code ?? 1, seconds: (performance.now() - started) / 1000, stdout })),
  );
}

interface Row {
  benchmark: string;
  measure: string;
  value: string;
  "aim / bound": string;
  ratio: string;
  verdict: string;
}

const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : "?");
const verdict = (ok: boolean) => (ok ? "met" : "MISSED");

type WebhookPhase = { label: string; route: string; reqPerSec: number; p99: number };
type WebhookResult = { database: string; phases: WebhookPhase[]; ratio: number; fixedRateP99: number; verified: boolean };

function summarize(run: Run): Row[] {
  const failed = (why: string): Row[] => [{ benchmark: run.name, measure: "run", value: why, "aim / bound": "", ratio: "", verdict: "FAILED" }];
  try {
    if (run.name === "webhooks") {
      const line = run.stdout.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
      if (!line) return failed(`no result (exit ${run.code})`);
      const { results } = JSON.parse(line.slice("BENCH_RESULT ".length)) as { results: WebhookResult[] };
      return results.flatMap((r) => {
        const full = (route: string) => r.phases.find((p) => p.route === route && p.label === "full speed")!;
        const rate = r.phases.find((p) => p.route === "webhook" && p.label.endsWith("/s"))!;
        return [
          {
            benchmark: `webhooks (${r.database})`,
            measure: "intake throughput",
            value: `${full("webhook").reqPerSec} req/s`,
            "aim / bound": `≥ 0.5 × trivial (${full("trivial").reqPerSec} req/s)`,
            ratio: fmt(r.ratio),
            verdict: verdict(r.ratio >= 0.5),
          },
          {
            benchmark: `webhooks (${r.database})`,
            measure: `p99 at ${rate.label}`,
            value: `${rate.p99} ms`,
            "aim / bound": r.database === "postgres" ? "< 50 ms" : "(aim is for PostgreSQL)",
            ratio: fmt(rate.p99 / 50),
            verdict: r.database === "postgres" ? verdict(rate.p99 < 50) : "",
          },
          { benchmark: `webhooks (${r.database})`, measure: "rows and jobs = 2xx", value: r.verified ? "yes" : "no", "aim / bound": "equal", ratio: "", verdict: verdict(r.verified) },
        ];
      });
    }
    if (run.name === "import") {
      const line = run.stdout.split("\n").find((l) => l.startsWith('{"status"'));
      if (!line) return failed(`no result (exit ${run.code})`);
      const r = JSON.parse(line) as Record<string, number | string>;
      const n = (k: string) => Number(r[k]);
      return [
        { benchmark: "import", measure: "wall time", value: `${n("wallSeconds")} s`, "aim / bound": `≤ 1.15 × ${n("boundSeconds")} s (requests ÷ 10/s)`, ratio: fmt(n("ratioToBound"), 3), verdict: verdict(n("ratioToBound") <= 1.15) },
        { benchmark: "import", measure: "requests per candidate", value: fmt(n("requestsPerCandidate"), 3), "aim / bound": "", ratio: "", verdict: "" },
        { benchmark: "import", measure: "429s met", value: String(n("tooManyRequests429")), "aim / bound": "", ratio: "", verdict: "" },
        { benchmark: "import", measure: "peak RSS", value: `${n("peakRssMB")} MB`, "aim / bound": "< 400 MB", ratio: fmt(n("peakRssMB") / 400), verdict: verdict(n("peakRssMB") < 400) },
        {
          benchmark: "import",
          measure: "lost / duplicated",
          value: `${n("lost")} / ${n("duplicated")} of ${n("applicants")}`,
          "aim / bound": "0 / 0",
          ratio: "",
          verdict: verdict(n("lost") === 0 && n("duplicated") === 0 && r.status === "SUCCEEDED"),
        },
      ];
    }
    if (run.name === "screening") {
      const m = /→ (\d+) candidates\/s/.exec(run.stdout);
      if (!m) return failed(`no result (exit ${run.code})`);
      const rate = Number(m[1]);
      return [{ benchmark: "screening", measure: "local engine, one core", value: `${rate} candidates/s`, "aim / bound": "≥ 200/s", ratio: fmt(rate / 200), verdict: verdict(rate >= 200) }];
    }
    if (run.name === "bombs") {
      const line = run.stdout.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
      if (!line) return failed(`no result (exit ${run.code})`);
      type Bomb = { name: string; hostile: boolean; outcome: string; seconds: number; rssGrowthMB: number };
      const { results } = JSON.parse(line.slice("BENCH_RESULT ".length)) as { results: Bomb[] };
      return results.map((r) => ({
        benchmark: "bombs",
        measure: r.name,
        value: `${r.outcome.split(" ")[0]} in ${r.seconds} s, RSS +${r.rssGrowthMB} MB`,
        "aim / bound": r.hostile ? "refused < 5 s, RSS +< 100 MB" : "",
        ratio: r.hostile ? fmt(Math.max(r.seconds / 5, r.rssGrowthMB / 100)) : "",
        verdict: r.hostile ? verdict(r.outcome.startsWith("too_large") && r.seconds < 5 && r.rssGrowthMB < 100) : "",
      }));
    }
    // eval
    type Tally = { total: number; correct: number; accuracy: number | null };
    type Metrics = Tally & { perVerdict: Record<string, Tally>; harmful: { overall: { pairs: number; harmful: number }; required: { pairs: number; harmful: number } } };
    const json = JSON.parse(run.stdout) as { summary: { splits: Partial<Record<"held-out" | "development", Metrics>>; overall: Metrics } };
    const rows: Row[] = [];
    const line = (m: Metrics) => {
      const per = Object.entries(m.perVerdict)
        .filter(([, v]) => v.total > 0)
        .map(([k, v]) => `${k} ${v.correct}/${v.total}`)
        .join(", ");
      const h = m.harmful;
      return `${m.correct}/${m.total} (${fmt(100 * (m.accuracy ?? 0), 1)}%): ${per}; harmful ${h.overall.harmful}/${h.overall.pairs}, on REQUIRED ${h.required.harmful}/${h.required.pairs}`;
    };
    for (const [set, m] of [["held-out", json.summary.splits["held-out"]], ["development", json.summary.splits.development]] as const) {
      if (m) rows.push({ benchmark: "eval:screening", measure: `${set} sets`, value: line(m), "aim / bound": "", ratio: "", verdict: "" });
    }
    rows.push({ benchmark: "eval:screening", measure: "combined", value: line(json.summary.overall), "aim / bound": "", ratio: "", verdict: "" });
    return rows;
  } catch (error) {
    return failed(`unreadable result: ${(error as Error).message}`);
  }
}

async function main() {
  const fromArgs = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const fromEnv = (process.env.BENCH_ONLY ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  const picked = fromArgs.length ? fromArgs : fromEnv;
  const unknown = picked.filter((n) => !(n in BENCHES));
  if (unknown.length) {
    console.error(`unknown benchmark(s): ${unknown.join(", ")}; choose from ${Object.keys(BENCHES).join(", ")}`);
    process.exit(2);
  }
  const names = (picked.length ? picked : Object.keys(BENCHES)) as Name[];

  const runs: Run[] = [];
  for (const name of names) runs.push(await runOne(name));

  console.log("\n##### Summary");
  console.table(runs.flatMap(summarize));
  for (const r of runs) console.log(`${r.name}: exit ${r.code}, ${fmt(r.seconds, 1)} s`);
  if (runs.some((r) => r.code !== 0)) process.exitCode = 1;
}

void main();
