import { defineConfig } from "vitest/config";

// One run over every package; each package's own vitest.config.ts names it and sets its timeouts.
// Coverage (`pnpm test`, which CI runs) counts what the whole suite exercises of every package's
// sources, lines and branches (ADR 020, ADR 031). Each package's thresholds sit a few points below
// what the whole suite reached on PGlite in CI (the lower of the two runs; PostgreSQL + Redis
// exercises more), so a change that drops a package's coverage fails while noise does not.
// The apps and the test helpers are not measured. Run one file without coverage with
// `pnpm vitest run <path>`.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*", "tooling/*"],
    coverage: {
      provider: "v8",
      include: ["packages/*/src/**"],
      exclude: ["**/*.test.ts", "**/*.test-helper.ts", "**/testing.ts", "**/testing/**"],
      reporter: ["text-summary", ["text", { skipFull: true }]],
      thresholds: {
        "packages/api/src/**": { lines: 76, branches: 60 },
        "packages/auth/src/**": { lines: 90, branches: 78 },
        "packages/binance-api/src/**": { lines: 92, branches: 74 },
        "packages/config/src/**": { lines: 95, branches: 88 },
        "packages/contract/src/**": { lines: 95, branches: 92 },
        "packages/db/src/**": { lines: 56, branches: 26 },
        "packages/engine/src/**": { lines: 98, branches: 94 },
        "packages/exchange/src/**": { lines: 86, branches: 74 },
        "packages/market-maker/src/**": { lines: 85, branches: 70 },
        "packages/observability/src/**": { lines: 89, branches: 72 },
      },
    },
  },
});
