/**
 * Local screening engine throughput: candidates/s on one core (this process is single-threaded)
 * with 10 criteria and generated two-page résumés (~900 words each), plus peak RSS.
 * Run: npx tsx bench/screening.ts [--candidates N] [--seconds S]
 */
import { compileCriteria, screenCompiled } from "@/lib/screening/local";
import type { CandidateInput, CriterionInput } from "@/lib/screening/types";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
};
const POOL = arg("candidates", 500);
const SECONDS = arg("seconds", 5);

// Deterministic PRNG (mulberry32) so every run screens the same résumés.
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SKILLS = ["Go", "Python", "Java", "TypeScript", "React", "Node.js", "PostgreSQL", "MySQL", "Redis", "Kafka", "Kubernetes", "k8s", "Docker", "AWS", "GCP", "Terraform", "GraphQL", "REST APIs", "CI/CD", "Jenkins", "Spark", "Airflow", "Salesforce", "HubSpot", "Figma", "Zendesk", "Excel", "SQL", "Tableau", "Epic"];
const VERBS = ["Built", "Designed", "Led", "Migrated", "Owned", "Shipped", "Improved", "Automated", "Reduced", "Mentored", "Scaled", "Maintained"];
const NOUNS = ["the billing service", "an internal analytics platform", "the onboarding flow", "search ranking", "the data warehouse", "customer-facing APIs", "the mobile checkout", "release tooling", "observability dashboards", "the partner integration"];
const TITLES = ["Software Engineer", "Senior Backend Engineer", "Frontend Developer", "Data Engineer", "Engineering Manager", "Site Reliability Engineer", "Full Stack Developer"];
const ORGS = ["Acme Corp", "Globex", "Initech", "Umbrella Health", "Hooli", "Vandelay Industries", "Stark Logistics", "Wayne Fintech"];
const FILL = "across several teams with a focus on reliability, clear documentation and measurable impact for customers and the business".split(" ");

function resume(r: () => number): CandidateInput {
  const pick = <T,>(a: readonly T[]) => a[Math.floor(r() * a.length)] as T;
  const lines: string[] = ["Alex Candidate", "alex@example.com · +1 555 0100 · github.com/alex", "", "SUMMARY"];
  lines.push(`Engineer with ${2 + Math.floor(r() * 12)} years of experience in ${pick(SKILLS)} and ${pick(SKILLS)}, ${FILL.slice(0, 12).join(" ")}.`);
  lines.push("", "EXPERIENCE");
  const positions: CandidateInput["positions"] = [];
  let year = 2025;
  for (let p = 0; p < 5; p++) {
    const len = 1 + Math.floor(r() * 3);
    const title = pick(TITLES);
    const org = pick(ORGS);
    lines.push(`${title} — ${org} (Jan ${year - len} – ${p === 0 ? "Present" : `Dec ${year}`})`);
    for (let b = 0; b < 6; b++) {
      lines.push(`• ${pick(VERBS)} ${pick(NOUNS)} using ${pick(SKILLS)}, ${pick(SKILLS)} and ${pick(SKILLS)}; ${FILL.slice(0, 6 + Math.floor(r() * 12)).join(" ")}.`);
    }
    positions.push({ title, org, summary: null, start: { year: year - len, month: 1 }, end: p === 0 ? null : { year, month: 12 } });
    year -= len + 1;
    lines.push("");
  }
  lines.push("PROJECTS");
  for (let b = 0; b < 6; b++) lines.push(`• ${pick(VERBS)} ${pick(NOUNS)} as a side project with ${pick(SKILLS)}; ${FILL.join(" ")}.`);
  lines.push("", "SKILLS", SKILLS.filter(() => r() < 0.4).join(", "), "", "EDUCATION", "B.S. Computer Science, State University, 2010 – 2014");
  return { resumeText: lines.join("\n"), positions, schools: [{ org: "State University", degree: "B.S.", field: "Computer Science" }], answers: [] };
}

const criteria: CriterionInput[] = [
  "5+ years of backend development experience",
  "Experience with Kubernetes",
  "PostgreSQL or MySQL",
  "Bachelor's degree in Computer Science or related field",
  "Proficient in JavaScript and TypeScript",
  "Experience managing a team",
  "Kafka or another streaming platform",
  "Cloud experience (AWS, GCP or Azure)",
  "Must be authorized to work in the US",
  "3+ years of Python",
].map((text, i) => ({ id: `c${i}`, text, kind: i === 8 ? "NEUTRAL" : i < 6 ? "REQUIRED" : "PREFERRED", weight: i < 3 ? "HIGH" : "MEDIUM" }));

const r = rng(42);
const pool = Array.from({ length: POOL }, () => resume(r));
const avgChars = Math.round(pool.reduce((s, c) => s + (c.resumeText?.length ?? 0), 0) / pool.length);
const avgWords = Math.round(pool.reduce((s, c) => s + (c.resumeText?.split(/\s+/).length ?? 0), 0) / pool.length);
const now = new Date("2026-06-01T00:00:00Z");

// Warm-up (JIT, stem cache), then measure. Criteria compile once per job, as in a screening run.
for (let i = 0; i < 200; i++) screenCompiled(compileCriteria(criteria), pool[i % POOL] as CandidateInput, now);

const start = process.hrtime.bigint();
const deadline = start + BigInt(Math.round(SECONDS * 1e9));
let screened = 0;
let checksum = 0;
const job = compileCriteria(criteria);
while (process.hrtime.bigint() < deadline) {
  for (let i = 0; i < 50; i++) checksum += screenCompiled(job, pool[screened++ % POOL] as CandidateInput, now).score;
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const rate = screened / seconds;
const peakRssMb = process.resourceUsage().maxRSS / 1024;

console.log(
  `screening bench: ${screened} candidates in ${seconds.toFixed(2)} s → ${rate.toFixed(0)} candidates/s on one core ` +
    `(${(1000 / rate).toFixed(2)} ms each; 10 criteria; résumés ~${avgWords} words/${avgChars} chars; pool ${POOL}); ` +
    `peak RSS ${peakRssMb.toFixed(0)} MB; mean score ${(checksum / screened).toFixed(1)}; target ≥ 200/s: ${rate >= 200 ? "PASS" : "FAIL"}`,
);
