import { defineConfig } from "@playwright/test";

/**
 * Journeys through the real server (started by tests/e2e/global-setup.ts on a free port with
 * its own fresh database), in Debian's Chromium: Playwright's own browser downloads are not
 * reachable from CI.
 */
export default defineConfig({
  testDir: "tests/e2e",
  globalSetup: "./tests/e2e/global-setup.ts",
  // Two cores, shared with the server and its demo market maker.
  workers: 2,
  // A shared 2-core CI machine runs the server, its market maker and two browsers at once: a
  // journey that times out once is run again, and the report still names it as flaky.
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    // Set by the global setup before the workers start.
    baseURL: process.env.E2E_BASE_URL,
    browserName: "chromium",
    launchOptions: {
      executablePath: "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    trace: "retain-on-failure",
  },
});
