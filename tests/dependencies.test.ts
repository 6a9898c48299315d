import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const versionOf = (pkg: string) => (require(`${pkg}/package.json`) as { version: string }).version;

/**
 * The registry here does not answer `npm audit`, so the versions reviewed against the advisories
 * are pinned and checked here (README, Security). React 19.0.0–19.2.0 are named in the December 2025
 * advisories about React Server Components (remote code execution, then denial of service and
 * source exposure); 19.2.3 fixed the last of them.
 */
describe("dependency versions reviewed against known advisories", () => {
  const [major, minor, patch] = versionOf("react").split(".").map(Number) as [number, number, number];

  it("react and react-dom are a patched 19.2 release, and the same one", () => {
    expect(major).toBe(19);
    expect(minor === 2 ? patch >= 3 : minor > 2).toBe(true);
    expect(versionOf("react-dom")).toBe(versionOf("react"));
  });

  it("package.json pins exact versions, so what was reviewed is what installs", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const ranged = Object.entries({ ...pkg.dependencies, ...pkg.devDependencies }).filter(([, v]) => /^[\^~><*]/.test(v));
    expect(ranged).toEqual([]);
  });
});
