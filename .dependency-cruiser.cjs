/**
 * Import boundaries between the workspace's packages (`pnpm lint`). The direction is
 * apps -> packages, tooling -> anything; a package never reaches into an app, the engine stays
 * pure, and the browser gets only what is safe to ship there.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import nothing resolves is a typo or a package missing from package.json.",
      from: {},
      // React Router writes ./+types/* at typecheck time (react-router typegen).
      to: { couldNotResolve: true, pathNot: "^(\\./\\+types/|virtual:)" },
    },
    {
      name: "no-circular",
      severity: "error",
      comment:
        "A cycle makes load order matter and the pieces impossible to test alone. Type-only edges vanish at run time.",
      from: {},
      to: {
        circular: true,
        dependencyTypesNot: ["type-only"],
        viaOnly: { dependencyTypesNot: ["type-only"] },
      },
    },
    {
      name: "packages-not-into-apps",
      severity: "error",
      comment: "Packages are libraries: an app or a tool may import them, never the reverse.",
      from: { path: "^packages/" },
      to: { path: "^(apps|tooling)/" },
    },
    {
      name: "engine-is-pure",
      severity: "error",
      comment:
        "The matching engine depends on nothing but itself (ADR 006): no I/O, no workspace package.",
      from: { path: "^packages/engine/src/", pathNot: "\\.test(-helper)?\\.ts$" },
      to: {
        path: "^(packages/(?!engine/)|apps/)|^node_modules/|^(node:)?[a-z_]+$",
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "contract-is-browser-safe",
      severity: "error",
      comment: "packages/contract ships to the browser: no Node built-ins.",
      from: { path: "^packages/contract/src/", pathNot: "\\.test\\.ts$" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "contract-stands-alone",
      severity: "error",
      comment: "Every other package builds on the contract; it builds on no workspace package.",
      from: { path: "^packages/contract/src/", pathNot: "\\.test\\.ts$" },
      to: { path: "^(packages/(?!contract/)|apps/|tooling/)" },
    },
    {
      name: "web-app-imports-only-types-from-the-server-side",
      severity: "error",
      comment:
        "The web bundle may run the contract's rules; from any other workspace package it takes types only, so no server code reaches a browser.",
      from: { path: "^apps/web/app/" },
      to: { path: "^(packages/(?!contract/)|apps/server/)", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "product-code-not-into-testing",
      severity: "error",
      comment: "Test helpers serve tests, benches and e2e; running code never depends on them.",
      from: { path: "^(apps|packages)/[^/]+/src/", pathNot: "(\\.test\\.ts$|/testing(/|\\.ts$))" },
      to: { path: "(/testing/|/testing\\.ts$|^packages/testing/)" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(dist|build|\\.react-router|coverage|test-results)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.boundaries.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".d.ts"],
      mainFields: ["module", "main", "types"],
    },
    combinedDependencies: true,
    preserveSymlinks: false,
  },
};
