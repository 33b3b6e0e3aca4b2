import { defineProject } from "vitest/config";

export default defineProject({
  // Its tests start a real server on a fresh database, which takes seconds on a busy machine.
  test: { name: "bench", testTimeout: 60_000, hookTimeout: 60_000 },
});
