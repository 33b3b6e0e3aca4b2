import { defineConfig } from "vitest/config";

// One run over every package; each package's own vitest.config.ts names it and sets its timeouts.
// Coverage (`pnpm test`, which CI runs) counts what the whole suite exercises of the three
// packages that hold the money and the credentials (ADR 020). The exchange's bar is lower:
// parts of it (the lease's SQL under contention, forwarding over Redis) are exercised only by
// the failover tests inside the server processes they start, which in-process coverage cannot
// see. Run one file without coverage with `pnpm vitest run <path>`.
export default defineConfig({
  test: {
    projects: ["packages/*", "apps/*", "tooling/*"],
    coverage: {
      provider: "v8",
      include: ["packages/engine/src/**", "packages/exchange/src/**", "packages/auth/src/**"],
      exclude: ["**/*.test.ts", "**/testing.ts", "**/testing/**"],
      reporter: ["text-summary", ["text", { skipFull: true }]],
      thresholds: {
        "packages/engine/src/**": { lines: 90 },
        "packages/exchange/src/**": { lines: 84 },
        "packages/auth/src/**": { lines: 90 },
      },
    },
  },
});
