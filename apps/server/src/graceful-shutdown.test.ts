import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClient } from "@cryptotrade/api/client";
import { connectDatabase, type DatabaseOptions } from "@cryptotrade/db/client";
import { checkInvariants } from "@cryptotrade/exchange";
import { AcknowledgedOrders } from "@cryptotrade/testing/acknowledged-orders";
import { waitFor, within } from "@cryptotrade/testing/deadlines";
import { findFreePort } from "@cryptotrade/testing/free-port";
import { startOrderLoad } from "@cryptotrade/testing/order-load";
import { createScratchDatabase, type ScratchDatabase } from "@cryptotrade/testing/scratch-database";
import {
  midPrice,
  openTradingAccounts,
  verifyAcknowledged,
} from "@cryptotrade/testing/trading-accounts";
import { afterAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServerProcess } from "./testing/server-process";

const SYMBOL = "BTC-USDT";

// On PostgreSQL when DATABASE_URL is set, else on the embedded PGlite in a directory of its own.
describe("SIGTERM under load from kept-alive clients", () => {
  let scratch: ScratchDatabase | undefined;
  let dataDir: string | undefined;
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill("SIGKILL");
    await scratch?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("exits by itself with code 0, keeping every acknowledged order", async () => {
    let database: DatabaseOptions;
    let env: Record<string, string>;
    if (process.env.DATABASE_URL) {
      scratch = await createScratchDatabase(process.env.DATABASE_URL, "ct_sigterm");
      database = { kind: "postgres", url: scratch.url, poolSize: 2 };
      env = { DATABASE_URL: scratch.url, DEMO: "true" };
    } else {
      dataDir = await mkdtemp(join(tmpdir(), "ct-sigterm-"));
      database = { kind: "pglite", dataDir };
      env = { DATA_DIR: dataDir };
    }
    const port = await findFreePort();
    const start = () =>
      startServerProcess({
        port,
        env: { ...env, LOG_LEVEL: "warn", RATE_LIMIT_REGISTRATIONS_PER_IP: "1000" },
      });
    server = await start();
    const url = server.url;
    const origin = `http://localhost:${port}`;
    const keys = await openTradingAccounts(url, origin, 3);
    // Node's fetch keeps connections alive between calls, as bots do.
    const traders = keys.map((key) => createClient({ url, token: key }));
    const acknowledged = new AcknowledgedOrders();
    const load = startOrderLoad({
      traders,
      symbol: SYMBOL,
      mid: await midPrice(traders[0], SYMBOL),
      concurrency: 12,
      acknowledged,
    });
    await within(load.answered, 30_000, "no order acknowledged");
    // SIGTERM lands while orders are flowing, not at the first answer.
    await waitFor(() => acknowledged.size >= 30, 30_000, "30 acknowledged orders");

    // The outcome, not the time it took: code 0 is the server's own word that it drained and
    // closed everything (it exits with 1 when its shutdown limit runs out first), and no
    // request still running was cut at the drain limit.
    const exit = await server.kill("SIGTERM");
    const tally = await load.stop();
    expect(exit, server.output()).toEqual({ code: 0, signal: null });
    expect(server.output()).not.toContain("requests still running after the drain limit");
    expect(tally.acknowledged).toBeGreaterThan(0);

    const atRest = await connectDatabase(database);
    try {
      expect((await checkInvariants(atRest.db)).problems).toEqual([]);
    } finally {
      await atRest.close();
    }
    server = await start();
    expect(await verifyAcknowledged(traders, acknowledged)).toEqual([]);
  }, 240_000);
});
