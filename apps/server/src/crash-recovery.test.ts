import { createClient } from "@cryptotrade/api/client";
import { connectDatabase, type DatabaseConnection } from "@cryptotrade/db/client";
import { checkInvariants } from "@cryptotrade/exchange";
import { AcknowledgedOrders } from "@cryptotrade/testing/acknowledged-orders";
import { within } from "@cryptotrade/testing/deadlines";
import { findFreePort } from "@cryptotrade/testing/free-port";
import { type OrderLoadTally, startOrderLoad } from "@cryptotrade/testing/order-load";
import { createScratchDatabase, type ScratchDatabase } from "@cryptotrade/testing/scratch-database";
import {
  midPrice,
  openTradingAccounts,
  verifyAcknowledged,
} from "@cryptotrade/testing/trading-accounts";
import { afterAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServerProcess } from "./testing/server-process";

const CYCLES = 20;
const TRADERS = 4;
const CONCURRENCY = 8;
const SYMBOL = "BTC-USDT";

// Only PostgreSQL makes this a test of durability: the server process owns its database.
describe.skipIf(!process.env.DATABASE_URL)("a real server process on PostgreSQL", () => {
  let scratch: ScratchDatabase | undefined;
  let database: DatabaseConnection | undefined;
  let server: ServerProcess | undefined;

  afterAll(async () => {
    await server?.kill("SIGKILL");
    await database?.close();
    await scratch?.drop();
  });

  it("keeps every acknowledged order as acknowledged, and the invariants, through 20 SIGKILLs under load", async () => {
    scratch = await createScratchDatabase(process.env.DATABASE_URL ?? "", "ct_crash");
    const port = await findFreePort();
    const start = () =>
      startServerProcess({
        port,
        env: {
          DATABASE_URL: scratch?.url ?? "",
          DEMO: "true",
          LOG_LEVEL: "warn",
          RATE_LIMIT_REGISTRATIONS_PER_IP: "1000",
          // Each restart waits for the killed process's lease to lapse: keep it short here.
          EXCHANGE_LEASE_MS: "1000",
        },
      });
    server = await start();
    database = await connectDatabase({ kind: "postgres", url: scratch.url, poolSize: 2 });
    const url = server.url;
    // Anonymous calls count as a browser's, so they carry the exchange's own Origin.
    const keys = await openTradingAccounts(url, `http://localhost:${port}`, TRADERS);
    const traders = keys.map((key) => createClient({ url, token: key }));
    const acknowledged = new AcknowledgedOrders();
    const total: OrderLoadTally = { acknowledged: 0, refused: 0, unanswered: 0 };

    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const load = startOrderLoad({
        traders,
        symbol: SYMBOL,
        mid: await midPrice(traders[0], SYMBOL),
        concurrency: CONCURRENCY,
        acknowledged,
      });
      // Timed from the first answer, so every cycle kills a server that is busy taking orders,
      // however long a loaded machine takes to warm it up.
      await within(load.answered, 30_000, `no order acknowledged in cycle ${cycle}`);
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 500));
      await server.kill("SIGKILL");
      const tally = await load.stop();
      for (const key of ["acknowledged", "refused", "unanswered"] as const) {
        total[key] += tally[key];
      }

      // What restart will rebuild from must already balance.
      const atRest = await checkInvariants(database.db);
      expect(atRest.problems, `after kill ${cycle}`).toEqual([]);

      server = await start();
      expect(await verifyAcknowledged(traders, acknowledged), `after restart ${cycle}`).toEqual([]);
      const running = await checkInvariants(database.db);
      expect(running.problems, `running after restart ${cycle}`).toEqual([]);
    }

    // The run proves something only if kills cut calls short.
    expect(acknowledged.size).toBeGreaterThanOrEqual(CYCLES);
    expect(total.unanswered).toBeGreaterThan(0);
  }, 600_000);
});
