import { defineProject } from "vitest/config";

// Unit tests only (beside the code in app/); the Playwright journeys in tests/e2e run with
// `pnpm test:e2e`, never under vitest. (`pnpm test` here passes with no unit tests yet.)
export default defineProject({
  test: {
    name: "web",
    include: ["app/**/*.test.{ts,tsx}"],
  },
});
