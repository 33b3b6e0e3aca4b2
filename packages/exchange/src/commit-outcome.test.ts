import { connectDatabase, type DatabaseConnection } from "@cryptotrade/db/client";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Exchange } from "./exchange";
import { listOrders } from "./queries/orders";
import { balancesOf, listTransactions } from "./queries/wallet";
import { createTestExchange, type TestExchange } from "./testing";
import { DropProxy } from "./testing/drop-proxy";

const serverUrl = process.env.DATABASE_URL;
/** The batch statement's name: it travels in every batch's Parse or Bind message. */
const BATCH = "exchange_write_batch";
const BTC = 100_000_000n;

// Cutting a connection needs a real PostgreSQL server behind a TCP proxy; PGlite runs in this
// process, with no connection to lose.
describe.skipIf(!serverUrl)("a batch whose answer is lost (ADR 025)", () => {
  let t: TestExchange;
  let proxy: DropProxy;
  let proxied: DatabaseConnection;
  beforeAll(async () => {
    t = await createTestExchange();
    const direct = new URL(serverUrl ?? "");
    proxy = await DropProxy.start({ host: direct.hostname, port: Number(direct.port || 5432) });
    const database = await t.database.db.execute("select current_database() as name");
    const { name } = (database as unknown as { rows: Array<{ name: string }> }).rows[0] ?? {
      name: "",
    };
    const url = new URL(serverUrl ?? "");
    url.host = `127.0.0.1:${proxy.port}`;
    url.pathname = `/${name}`;
    proxied = await connectDatabase({ kind: "postgres", url: url.toString(), poolSize: 5 });
    // The exchange under test writes through the proxy; the test reads directly.
    await t.exchange.stop();
    t.exchange = await Exchange.start({ db: proxied.db, log: pino({ level: "silent" }) });
  });
  afterAll(async () => {
    await t.exchange.stop();
    await proxied.close();
    await proxy.close();
    await t.database.close();
  });

  const btcOf = async (user: number) =>
    (await balancesOf(t.database.db, user)).find((row) => row.asset === "BTC");
  const waitUntilHealthy = async () => {
    for (let attempt = 0; attempt < 400 && !t.exchange.health().ok; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(t.exchange.health()).toEqual({ ok: true });
  };

  it("answers a deposit, a withdrawal, an order and a cancel with their results, and a retry with the same key pays nothing twice", async () => {
    const user = await t.createUser({ USDT: "1000" });
    const deposit = { userId: user, asset: "BTC", amount: BTC, idempotencyKey: "dep" };
    proxy.dropAnswerTo(BATCH);
    const credited = await t.exchange.deposit(deposit);
    expect(proxy.drops).toBe(1);
    expect(credited).toMatchObject({ status: "completed", amount: BTC });
    expect((await t.exchange.deposit(deposit)).id).toBe(credited.id);

    const withdrawal = {
      userId: user,
      asset: "BTC",
      amount: BTC / 10n,
      address: "bc1qexampleaddress",
      idempotencyKey: "wd",
    };
    proxy.dropAnswerTo(BATCH);
    const requested = await t.exchange.requestWithdrawal(withdrawal);
    expect(proxy.drops).toBe(2);
    expect((await t.exchange.requestWithdrawal(withdrawal)).id).toBe(requested.id);

    const order = {
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "30000.00",
      quantity: "0.01",
      clientOrderId: "lost-answer",
    } as const;
    proxy.dropAnswerTo(BATCH);
    const placed = await t.exchange.placeOrder(user, order);
    expect(proxy.drops).toBe(3);
    expect((await t.exchange.placeOrder(user, order)).id).toBe(placed.id);

    proxy.dropAnswerTo(BATCH);
    const cancelled = await t.exchange.cancelOrder(user, { orderId: placed.id }, "cancel");
    expect(proxy.drops).toBe(4);
    expect(cancelled.status).toBe("cancelled");
    expect(await t.exchange.cancelOrder(user, { orderId: placed.id }, "cancel")).toEqual(cancelled);

    // Credited once, one withdrawal held once, one order placed and cancelled.
    const fee =
      (
        await t.database.db.query.assets.findFirst({
          where: (a, { eq }) => eq(a.symbol, "BTC"),
        })
      )?.withdrawalFee ?? 0n;
    expect(await btcOf(user)).toMatchObject({
      available: BTC - BTC / 10n - fee,
      locked: BTC / 10n + fee,
    });
    const transactions = await listTransactions(t.database.db, user, { asset: "BTC" });
    expect(transactions.items).toHaveLength(2);
    expect((await listOrders(t.database.db, user, { status: "history" })).items).toHaveLength(1);
    expect(t.exchange.health()).toEqual({ ok: true });
    await t.assertInvariants();
  });

  it("refuses a batch that never reached the database as nothing done, and its retry applies once", async () => {
    const user = await t.createUser();
    const deposit = { userId: user, asset: "BTC", amount: BTC, idempotencyKey: "dep" };
    proxy.dropBefore(BATCH);
    await expect(t.exchange.deposit(deposit)).rejects.toMatchObject({ code: "UNAVAILABLE" });
    expect(await btcOf(user)).toMatchObject({ available: 0n });
    await waitUntilHealthy();
    const credited = await t.exchange.deposit(deposit);
    expect(await t.exchange.deposit(deposit)).toEqual(credited);
    expect(await btcOf(user)).toMatchObject({ available: BTC });
    await t.assertInvariants();
  });

  it("says a command may have executed, naming its key, when the database cannot be reached to tell", async () => {
    const user = await t.createUser();
    const deposit = { userId: user, asset: "BTC", amount: BTC, idempotencyKey: "unknown" };
    const dropsBefore = proxy.drops;
    // Once the answer is lost, the database stays out of reach for the read-back.
    proxy.dropAnswerTo(BATCH, { thenRefuse: true });
    const outcome = await t.exchange.deposit(deposit).catch((error: unknown) => error);
    proxy.refuseConnections(false);
    expect(proxy.drops).toBe(dropsBefore + 1);
    expect(outcome).toMatchObject({ code: "OUTCOME_UNKNOWN", idempotencyKey: "unknown" });
    await waitUntilHealthy();
    // It had committed: the retry returns that credit rather than making another.
    const retry = await t.exchange.deposit(deposit);
    expect(await btcOf(user)).toMatchObject({ available: BTC });
    expect((await listTransactions(t.database.db, user, {})).items.map((tx) => tx.id)).toEqual([
      retry.id,
    ]);
    await t.assertInvariants();
  });
});
