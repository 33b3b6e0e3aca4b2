import { fileURLToPath } from "node:url";
import { defineProject } from "vitest/config";

// Unit tests only (beside the code in app/); the Playwright journeys in tests/e2e run with
// `pnpm test:e2e`, never under vitest. (`pnpm test` here passes with no unit tests yet.)
export default defineProject({
  // The app's "~/" imports, as in tsconfig.json and the React Router build.
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    name: "web",
    include: ["app/**/*.test.{ts,tsx}"],
  },
});
