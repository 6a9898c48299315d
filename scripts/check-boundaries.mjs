/**
 * npm run check:boundaries — the import rules of lib/ (.dependency-cruiser.cjs), then the folder-level
 * graph of lib/: every folder is one node (a file directly in lib/ is its own node), and the graph must
 * have no cycle. Prints the graph with --graph. Exits 1 on any violation or cycle.
 */
import { cruise } from "dependency-cruiser";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const ruleSet = require(path.resolve(".dependency-cruiser.cjs"));
const { output } = await cruise(["lib"], { ...ruleSet.options, validate: true, ruleSet, outputType: "json" });
const result = typeof output === "string" ? JSON.parse(output) : output;

const violations = result.summary.violations.filter((v) => v.rule.severity === "error");
for (const v of violations) console.error(`${v.rule.name}: ${v.from} → ${v.to}`);

const node = (file) => (path.dirname(file) === "lib" ? file : path.dirname(file));
const edges = new Map();
for (const m of result.modules) {
  if (!m.source.startsWith("lib/") || m.source.startsWith("lib/generated/") || /\.test\.tsx?$/.test(m.source)) continue;
  for (const d of m.dependencies) {
    if (!d.resolved.startsWith("lib/") || d.resolved.startsWith("lib/generated/")) continue;
    const [a, b] = [node(m.source), node(d.resolved)];
    if (a === b) continue;
    if (!edges.has(a)) edges.set(a, new Set());
    edges.get(a).add(b);
  }
}

// Tarjan's strongly connected components: any component of more than one folder is a cycle.
let index = 0;
const stack = [];
const info = new Map();
const cycles = [];
function visit(v) {
  info.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of edges.get(v) ?? []) {
    if (!info.has(w)) {
      visit(w);
      info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
    } else if (info.get(w).onStack) info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
  }
  if (info.get(v).low === info.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      info.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  }
}
for (const v of edges.keys()) if (!info.has(v)) visit(v);

if (process.argv.includes("--graph")) {
  for (const [from, tos] of [...edges].sort()) console.log(`${from} → ${[...tos].sort().join(", ")}`);
}
for (const c of cycles) console.error(`folder cycle: ${c.join(" ↔ ")}`);
const folders = new Set([...edges.keys(), ...[...edges.values()].flatMap((s) => [...s])]);
console.log(
  `${result.summary.totalCruised} modules: ${violations.length} rule violation(s); ${folders.size} folders, ${[...edges.values()].reduce((n, s) => n + s.size, 0)} folder edges, ${cycles.length} cycle(s)`,
);
process.exit(violations.length || cycles.length ? 1 : 0);
