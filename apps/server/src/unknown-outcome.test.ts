import { randomBytes } from "node:crypto";
import { createClient } from "@cryptotrade/api/client";
import { connectDatabase, type DatabaseConnection, queryRows } from "@cryptotrade/db/client";
import { checkInvariants } from "@cryptotrade/exchange";
import { waitFor } from "@cryptotrade/testing/deadlines";
import { createScratchDatabase, type ScratchDatabase } from "@cryptotrade/testing/scratch-database";
import { midPrice, openTradingAccount } from "@cryptotrade/testing/trading-accounts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServerProcess } from "./testing/server-process";

const serverUrl = process.env.DATABASE_URL;
const redisUrl = process.env.REDIS_URL;
const ORIGIN = "http://test.invalid";

const readiness = async (server: ServerProcess) =>
  (await fetch(`${server.url}/readyz`).catch(() => undefined))?.status;

describe.skipIf(!serverUrl || !redisUrl)("a write lock longer than the forwarding timeout", () => {
  let scratch: ScratchDatabase;
  let database: DatabaseConnection;
  let leader: ServerProcess;
  let replica: ServerProcess;

  beforeAll(async () => {
    scratch = await createScratchDatabase(serverUrl ?? "", "ct_unknown");
    const env = {
      DATABASE_URL: scratch.url,
      REDIS_URL: redisUrl ?? "",
      RATE_LIMIT_PREFIX: `unknown-${randomBytes(4).toString("hex")}`,
      RATE_LIMIT_REGISTRATIONS_PER_IP: "1000",
      LOG_LEVEL: "warn",
      DEMO: "true",
      ALLOWED_ORIGINS: ORIGIN,
    };
    // The leader waits out the lock; the replica gives up on the answer long before.
    leader = await startServerProcess({
      env: { ...env, DATABASE_LOCK_TIMEOUT_MS: "60000", DATABASE_STATEMENT_TIMEOUT_MS: "90000" },
    });
    replica = await startServerProcess({
      env: { ...env, EXCHANGE_ROLE: "replica", EXCHANGE_FORWARD_TIMEOUT_MS: "1000" },
    });
    database = await connectDatabase({ kind: "postgres", url: scratch.url, poolSize: 2 });
  }, 120_000);

  afterAll(async () => {
    await replica?.kill("SIGTERM");
    await leader?.kill("SIGTERM");
    await database?.close();
    await scratch?.drop();
  });

  it("answers 'may have executed' with a clientOrderId, and a retry with it gives exactly one order; /readyz is 503 while the lock lasts", async () => {
    const key = await openTradingAccount(replica.url, ORIGIN);
    const trader = createClient({ url: replica.url, token: key });
    // A resting buy inside the price band around the demo maker's last trade.
    const price = ((await midPrice(trader, "BTC-USDT")) * 0.95).toFixed(2);
    const order = {
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price,
      quantity: "0.01",
    } as const;

    let clientOrderId = "";
    // The lock lasts as long as this transaction: until the callback returns.
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`lock table orders in exclusive mode`);
      const error = await trader.orders.place.mutate(order).catch((caught: unknown) => caught);
      const { data, message } = error as {
        data?: { code?: string; clientOrderId?: string };
        message?: string;
      };
      expect(data?.code).toBe("TIMEOUT");
      expect(message).toMatch(/may have executed/);
      // The caller gave none, so the replica made one up and hands it back.
      expect(data?.clientOrderId).toMatch(/^r-[0-9a-f-]{36}$/);
      clientOrderId = data?.clientOrderId ?? "";
      expect(message).toContain(clientOrderId);

      // The leader's batch is stuck behind the lock: it says so.
      await waitFor(async () => (await readiness(leader)) === 503, 30_000, "/readyz 503");
    });
    await waitFor(async () => (await readiness(leader)) === 200, 30_000, "/readyz 200 again");

    const retried = await trader.orders.place.mutate({ ...order, clientOrderId });
    expect(retried.clientOrderId).toBe(clientOrderId);
    const rows = await queryRows<{ id: string }>(
      database.db,
      sql`select id::text from orders where client_order_id = ${clientOrderId}`,
    );
    expect(rows).toEqual([{ id: retried.id }]);
    expect((await checkInvariants(database.db)).problems).toEqual([]);
  }, 120_000);
});
