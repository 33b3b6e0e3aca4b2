import { defineProject } from "vitest/config";

export default defineProject({
  // kubectl, nginx and the linters run as real processes; a busy machine needs the time.
  test: { name: "deploy-checks", testTimeout: 60_000 },
});
