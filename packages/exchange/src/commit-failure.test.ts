import { queryRows } from "@cryptotrade/db/client";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listOrders } from "./queries/orders";
import { balancesOf } from "./queries/wallet";
import { createTestExchange, type TestExchange } from "./testing";

const serverUrl = process.env.DATABASE_URL;

// Killing a backend needs a real PostgreSQL server; PGlite has no other connections to kill.
describe.skipIf(!serverUrl)("a commit that fails mid-batch", () => {
  let t: TestExchange;
  let admin: pg.Client;
  beforeAll(async () => {
    t = await createTestExchange();
    admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.end();
    await t.close();
  });

  it("loses and creates nothing when its backend is terminated, then trades on", async () => {
    const user = await t.createUser({ USDT: "10000" });
    const [{ name } = { name: "" }] = await queryRows<{ name: string }>(
      t.database.db,
      sql`select current_database() as name`,
    );
    const before = await balancesOf(t.database.db, user);

    // Hold the balances table so the batch's transaction waits inside PostgreSQL.
    const blockerUrl = new URL(serverUrl ?? "");
    blockerUrl.pathname = `/${name}`;
    const blocker = new pg.Client({ connectionString: blockerUrl.toString() });
    await blocker.connect();
    await blocker.query("begin; lock table balances in access exclusive mode");
    const outcome = t.exchange
      .placeOrder(user, {
        symbol: "BTC-USDT",
        side: "buy",
        type: "limit",
        price: "50000.00",
        quantity: "0.01",
      })
      .catch((error: unknown) => error);
    let victims: Array<{ pid: number }> = [];
    for (let attempt = 0; attempt < 200 && victims.length === 0; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      const result = await admin.query<{ pid: number }>(
        `select pid from pg_stat_activity
         where datname = $1 and wait_event_type = 'Lock' and pid <> $2`,
        [name, (blocker as unknown as { processID: number }).processID],
      );
      victims = result.rows;
    }
    expect(victims.length).toBeGreaterThan(0);
    for (const { pid } of victims) await admin.query("select pg_terminate_backend($1)", [pid]);
    await blocker.query("rollback");
    await blocker.end();

    expect(await outcome).toMatchObject({ code: "UNAVAILABLE" });
    expect(await balancesOf(t.database.db, user)).toEqual(before);
    expect((await listOrders(t.database.db, user, { status: "open" })).items).toEqual([]);
    await t.assertInvariants();

    // The sequencer refuses work while it rebuilds itself, then takes orders again.
    for (let attempt = 0; attempt < 400 && !t.exchange.health().ok; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(t.exchange.health()).toEqual({ ok: true });
    const retry = await t.exchange.placeOrder(user, {
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "50000.00",
      quantity: "0.01",
    });
    expect(retry.status).toBe("open");
    await t.assertInvariants();
  });

  it("fails a batch held up by a table lock after the lock timeout, refuses while the lock lasts, then trades on", async () => {
    const user = await t.createUser({ USDT: "10000" });
    const order = {
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "50000.00",
      quantity: "0.01",
    } as const;
    const [{ name } = { name: "" }] = await queryRows<{ name: string }>(
      t.database.db,
      sql`select current_database() as name`,
    );
    const lockerUrl = new URL(serverUrl ?? "");
    lockerUrl.pathname = `/${name}`;
    const locker = new pg.Client({ connectionString: lockerUrl.toString() });
    await locker.connect();
    try {
      await locker.query("begin; lock table orders in access exclusive mode");
      // The pool's lock_timeout (2 s) ends the wait: a refusal, not a freeze.
      const refused = await t.exchange.placeOrder(user, order).catch((error: unknown) => error);
      expect(refused).toMatchObject({ code: "UNAVAILABLE" });
      // Rebuilding needs the table too: until the lock goes, commands are refused at once.
      expect(t.exchange.health().ok).toBe(false);
      await expect(t.exchange.placeOrder(user, order)).rejects.toMatchObject({
        code: "UNAVAILABLE",
      });
    } finally {
      await locker.query("rollback");
      await locker.end();
    }
    for (let attempt = 0; attempt < 400 && !t.exchange.health().ok; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect((await t.exchange.placeOrder(user, order)).status).toBe("open");
    await t.assertInvariants();
  });
});
