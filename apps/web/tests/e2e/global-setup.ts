import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findFreePort, startServerProcess } from "@cryptotrade/server/testing/server-process";

/**
 * Starts the real exchange (the built web app included) on a free port with a fresh embedded
 * database and the demo market maker, for every test of the run. The returned teardown stops
 * that process by its own id, whether the tests passed or failed; if the runner itself dies,
 * the helper kills the child on exit.
 */
export default async function globalSetup() {
  const dataDir = await mkdtemp(join(tmpdir(), "cryptotrade-e2e-"));
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = await startServerProcess({
    port,
    env: { DATA_DIR: dataDir, DEMO: "true", LOG_LEVEL: "warn", PUBLIC_ORIGIN: origin },
  });
  process.env.E2E_BASE_URL = origin;
  return async () => {
    await server.kill("SIGTERM");
    await rm(dataDir, { recursive: true, force: true });
  };
}
