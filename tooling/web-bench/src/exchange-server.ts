import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServerProcess } from "@cryptotrade/server/testing/server-process";
import { findFreePort } from "@cryptotrade/testing/free-port";

export interface BenchServer {
  url: string;
  pid: number;
  /** Stops the server by its process id and removes its database; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * The real exchange (apps/server serving the built web app) on a free loopback port, with a
 * fresh embedded database in a temporary DATA_DIR and the demo market maker quoting and
 * trading every market, as a trader who runs `pnpm start` sees it.
 *
 * @example
 * const server = await startBenchServer();
 * try { ... } finally { await server.stop(); }
 */
export async function startBenchServer(): Promise<BenchServer> {
  const dataDir = await mkdtemp(join(tmpdir(), "cryptotrade-web-bench-"));
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  try {
    const server = await startServerProcess({
      port,
      env: { DATA_DIR: dataDir, DEMO: "true", LOG_LEVEL: "warn", PUBLIC_ORIGIN: url },
      readyTimeoutMs: 120_000,
    });
    let stopping: Promise<void> | undefined;
    const stop = async () => {
      try {
        await server.kill("SIGTERM");
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    };
    return {
      url,
      pid: server.pid,
      stop: () => {
        stopping ??= stop();
        return stopping;
      },
    };
  } catch (error) {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
