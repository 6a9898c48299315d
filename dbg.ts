import { readFileSync } from "node:fs";
import { createLocalEngine } from "@/lib/screening/local";
const engine = createLocalEngine({ now: () => new Date("2026-11-01T00:00:00Z") });
const candidate = JSON.parse(readFileSync("/tmp/c.json", "utf8"));
for (const t of process.argv.slice(2)) console.log(JSON.stringify((await engine.screen(candidate as never, [{ id: "c", text: t, kind: "REQUIRED", weight: "MEDIUM" }])).verdicts[0]));
