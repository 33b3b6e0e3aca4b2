import { defineProject } from "vitest/config";

export default defineProject({
  test: {
    name: "db",
    // Test files share a worker's modules, so the migrated PGlite template is built once per worker.
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
