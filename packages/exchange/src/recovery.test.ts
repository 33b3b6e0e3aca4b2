import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findOrder } from "./queries/orders";
import { balancesOf } from "./queries/wallet";
import { createTestExchange, type TestExchange } from "./testing";

describe("recovery", () => {
  let t: TestExchange;
  beforeAll(async () => {
    t = await createTestExchange();
  });
  afterAll(() => t.close());

  it("rebuilds the same books, queue priority, stops and balances after a restart", async () => {
    const a = await t.createUser({ USDT: "100000", BTC: "5" });
    const b = await t.createUser({ USDT: "100000", BTC: "5" });
    await t.exchange.placeOrder(a, {
      symbol: "BTC-USDT",
      side: "sell",
      type: "limit",
      price: "60000.00",
      quantity: "0.5",
    });
    await t.exchange.placeOrder(b, {
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "60000.00",
      quantity: "0.1",
    });
    const firstInQueue = await t.exchange.placeOrder(a, {
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "59000.00",
      quantity: "0.2",
    });
    await t.exchange.placeOrder(b, {
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "59000.00",
      quantity: "0.3",
    });
    const stop = await t.exchange.placeOrder(b, {
      symbol: "BTC-USDT",
      side: "sell",
      type: "stop_market",
      stopPrice: "58000.00",
      quantity: "0.1",
    });
    const bookBefore = t.exchange.orderBook("BTC-USDT", 10);
    const balancesBefore = await balancesOf(t.database.db, a);

    const exchange = await t.restart();
    const bookAfter = exchange.orderBook("BTC-USDT", 10);
    expect(bookAfter.bids).toEqual(bookBefore.bids);
    expect(bookAfter.asks).toEqual(bookBefore.asks);
    expect(await balancesOf(t.database.db, a)).toEqual(balancesBefore);
    await t.assertInvariants();

    // The order first in the 59000 queue still fills first.
    const seller = await t.createUser({ BTC: "1" });
    await exchange.placeOrder(seller, {
      symbol: "BTC-USDT",
      side: "sell",
      type: "limit",
      price: "59000.00",
      quantity: "0.2",
    });
    expect((await findOrder(t.database.db, a, { orderId: firstInQueue.id }))?.status).toBe(
      "filled",
    );
    // The stop survived and still waits for its price.
    expect((await findOrder(t.database.db, b, { orderId: stop.id }))?.status).toBe("untriggered");
    await t.assertInvariants();
  });

  it("restores an untriggered take-profit-market buy with its budget and fires it after", async () => {
    const seller = await t.createUser({ SOL: "10" });
    const buyer = await t.createUser({ USDT: "10000" });
    const trader = await t.createUser({ USDT: "1000" });
    const trade = async (price: string, quantity: string) => {
      await t.exchange.placeOrder(seller, {
        symbol: "SOL-USDT",
        side: "sell",
        type: "limit",
        price,
        quantity,
      });
      await t.exchange.placeOrder(buyer, {
        symbol: "SOL-USDT",
        side: "buy",
        type: "limit",
        price,
        quantity: "0.1",
      });
    };
    await trade("100.000", "0.1");
    const takeProfit = await t.exchange.placeOrder(trader, {
      symbol: "SOL-USDT",
      side: "buy",
      type: "take_profit_market",
      stopPrice: "95.000",
      quantity: "2",
    });
    expect(takeProfit).toMatchObject({ status: "untriggered", held: expect.any(BigInt) });
    const heldBefore = takeProfit.held;
    expect(heldBefore).toBeGreaterThan(0n);
    const balancesBefore = await balancesOf(t.database.db, trader);

    const exchange = await t.restart();
    expect(await balancesOf(t.database.db, trader)).toEqual(balancesBefore);
    expect(await findOrder(t.database.db, trader, { orderId: takeProfit.id })).toMatchObject({
      status: "untriggered",
      held: heldBefore,
    });
    await t.assertInvariants();

    // A print at 95 fires it; the market buy takes the 2.1 SOL the seller left at 95.
    await exchange.placeOrder(seller, {
      symbol: "SOL-USDT",
      side: "sell",
      type: "limit",
      price: "95.000",
      quantity: "2.1",
    });
    await exchange.placeOrder(buyer, {
      symbol: "SOL-USDT",
      side: "buy",
      type: "limit",
      price: "95.000",
      quantity: "0.1",
    });
    const fired = await findOrder(t.database.db, trader, { orderId: takeProfit.id });
    expect(fired).toMatchObject({ status: "filled", held: 0n, filledQuantity: 2_000_000_000n });
    await t.assertInvariants();
  });

  it("keeps pending withdrawals held across a restart and approves them after", async () => {
    const user = await t.createUser({ ETH: "3" });
    const withdrawal = await t.exchange.requestWithdrawal({
      userId: user,
      asset: "ETH",
      amount: 100_000_000n,
      address: "0xabc",
    });
    const exchange = await t.restart();
    const eth = () =>
      balancesOf(t.database.db, user).then((rows) => rows.find((r) => r.asset === "ETH"));
    // The amount and the ETH withdrawal fee (0.0005) are held together.
    expect(await eth()).toMatchObject({ available: 199_950_000n, locked: 100_050_000n });
    const approved = await exchange.reviewWithdrawal({
      transactionId: withdrawal.id,
      approve: true,
      reviewerId: user,
    });
    expect(approved.status).toBe("completed");
    expect(await eth()).toMatchObject({ available: 199_950_000n, locked: 0n });
    await t.assertInvariants();
  });

  it("never overdraws when 200 parallel withdrawals ask for more than the balance", async () => {
    const user = await t.createUser({ USDT: "100" });
    const results = await Promise.allSettled(
      Array.from({ length: 200 }, () =>
        t.exchange.requestWithdrawal({
          userId: user,
          asset: "USDT",
          amount: 12_000_000n,
          address: "addr-1",
        }),
      ),
    );
    const accepted = results.filter((r) => r.status === "fulfilled").length;
    expect(accepted).toBe(7); // floor(100 / (12 + the 1 USDT fee)), below the pending cap of 10
    const usdt = (await balancesOf(t.database.db, user)).find((r) => r.asset === "USDT");
    expect(usdt).toMatchObject({ available: 9_000_000n, locked: 91_000_000n });
    await t.assertInvariants();
  });
});

describe("book sequences", () => {
  it("continue after a restart instead of starting over", async () => {
    const t = await createTestExchange();
    try {
      const user = await t.createUser({ USDT: "10000" });
      await t.exchange.placeOrder(user, {
        symbol: "ETH-USDT",
        side: "buy",
        type: "limit",
        price: "2000.00",
        quantity: "0.1",
      });
      const before = t.exchange.orderBook("ETH-USDT", 5).sequence;
      expect(before).toBeGreaterThan(0);
      const exchange = await t.restart();
      expect(exchange.orderBook("ETH-USDT", 5).sequence).toBe(before);
      await exchange.placeOrder(user, {
        symbol: "ETH-USDT",
        side: "buy",
        type: "limit",
        price: "2001.00",
        quantity: "0.1",
      });
      expect(exchange.orderBook("ETH-USDT", 5).sequence).toBe(before + 1);
    } finally {
      await t.close();
    }
  });
});
