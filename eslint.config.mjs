import next from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...next,
  ...nextTs,
  { ignores: ["node_modules/**", ".next/**", "lib/generated/**", ".data/**", "next-env.d.ts", "test-results/**", "playwright-report/**"] },
  {
    // The queue is a platform layer: domain modules enqueue through it, so it imports none of them
    // (the handlers are wired in lib/worker/), or every module that enqueues is in a cycle with all.
    files: ["lib/jobs/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/lib/*", "!@/lib/db", "!@/lib/log", "!@/lib/config", "../*"], message: "lib/jobs imports only the database, config and log; wire handlers in lib/worker/." }] },
      ],
    },
  },
];

export default config;
