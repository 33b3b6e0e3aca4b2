import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "auth",
    // Test files share a worker's modules, so the migrated PGlite template is built once per worker.
    isolate: false,
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
