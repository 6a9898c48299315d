import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "./client";
import { restrictToOwner } from "./data-dir";

const modeOf = (p: string) => statSync(p).mode & 0o777;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? [p, ...walk(p)] : [p];
  });
}

describe("the data directory is private to the server's user", () => {
  let root: string;
  let umask: number;
  beforeEach(() => {
    // As in the containers where the review found 969 of 1,234 files world-writable.
    umask = process.umask(0);
    root = mkdtempSync(path.join(tmpdir(), "data-dir-"));
  });
  afterEach(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  it("an embedded database opened under umask 000 has only 700 directories and 600 files, new ones included", async () => {
    const dir = path.join(root, "data", "pglite");
    const database = await openDatabase({ kind: "pglite", dir });
    try {
      await database.adapter.connect().then((a) => a.executeRaw({ sql: "CREATE TABLE t (id int)", args: [], argTypes: [] }));
    } finally {
      await database.close();
    }
    const entries = [dir, ...walk(dir)];
    expect(entries.length).toBeGreaterThan(100);
    const open = entries.filter((p) => modeOf(p) & 0o077).map((p) => `${path.relative(root, p)} ${modeOf(p).toString(8)}`);
    expect(open).toEqual([]);
  });

  it("what an older version left world-readable is tightened at start, and counted", () => {
    const dir = path.join(root, "old");
    mkdirSync(path.join(dir, "pglite", "base"), { recursive: true, mode: 0o755 });
    writeFileSync(path.join(dir, "pglite", "base", "1"), "x", { mode: 0o666 });
    writeFileSync(path.join(dir, "secrets.json"), "{}", { mode: 0o644 });
    chmodSync(dir, 0o755);
    const { tightened } = restrictToOwner(dir);
    expect(tightened).toBe(5);
    expect([dir, ...walk(dir)].map((p) => [path.relative(dir, p), modeOf(p).toString(8)])).toEqual([
      ["", "700"],
      ["pglite", "700"],
      ["pglite/base", "700"],
      ["pglite/base/1", "600"],
      ["secrets.json", "600"],
    ]);
    expect(restrictToOwner(dir).tightened).toBe(0);
  });
});
