/**
 * The boundaries of lib/ (npm run lint runs this check; see README "Architecture"):
 * - the core never imports a provider's folder: only lib/ats/registry.ts knows the providers;
 * - a provider uses the platform (lib/ats, db, config, crypto, résumés, log) and never the core;
 * - lib/ imports nothing from app/ or components/;
 * - no import cycle between files (folder-level cycles are checked by scripts/check-boundaries.mjs).
 */
module.exports = {
  forbidden: [
    {
      name: "core-imports-provider",
      comment: "The core speaks to an ATS through lib/ats/provider.ts and the registry, never a provider's folder.",
      severity: "error",
      from: { path: "^lib/", pathNot: ["^lib/ats/providers/", "^lib/ats/registry/", "\\.test\\.ts$"] },
      to: { path: "^lib/ats/providers/" },
    },
    {
      name: "provider-imports-core",
      comment: "A provider implements the interface with the platform's pieces; the core calls it, not the other way round.",
      severity: "error",
      from: { path: "^lib/ats/providers/", pathNot: "\\.test\\.ts$" },
      to: { path: "^lib/(imports|writeback|screening|connections|worker|oversight|search|organizations|auth)/" },
    },
    {
      name: "provider-imports-other-provider",
      severity: "error",
      from: { path: "^lib/ats/providers/([^/]+)/" },
      to: { path: "^lib/ats/providers/", pathNot: "^lib/ats/providers/$1/" },
    },
    {
      name: "lib-imports-ui",
      comment: "lib/ is the application; app/ and components/ use it, never the other way round.",
      severity: "error",
      from: { path: "^lib/", pathNot: "\\.test\\.ts$" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: { path: "^lib/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^lib/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".mjs"] },
  },
};
