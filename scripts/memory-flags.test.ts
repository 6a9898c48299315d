import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { NODE_MEMORY_FLAGS } from "./memory-flags.mjs";

const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;

describe("the heap settings of processes that work jobs", () => {
  it("npm run worker and the import benchmark, which measures the same work, start node with them", () => {
    for (const name of ["worker", "bench:import"]) {
      expect(scripts[name], name).toContain(`exec node ${NODE_MEMORY_FLAGS.join(" ")} --import tsx `);
    }
  });

  it("npm start gives them to the web process, which works the jobs in the embedded default", () => {
    expect(readFileSync("scripts/start.mjs", "utf8")).toMatch(/start\("web", \[\.\.\.NODE_MEMORY_FLAGS, /);
  });

  it("are flags this node accepts: an unknown one would stop every worker at start", () => {
    const r = spawnSync(process.execPath, [...NODE_MEMORY_FLAGS, "-e", "process.exit(0)"], { encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
