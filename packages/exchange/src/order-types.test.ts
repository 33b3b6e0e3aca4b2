import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findOrder } from "./queries/orders";
import { balancesOf } from "./queries/wallet";
import { createTestExchange, type TestExchange } from "./testing";

const USDT = 1_000_000n;

// Each test starts from a fresh exchange, so no test's resting orders move another's prices.
describe("order types end to end", () => {
  let t: TestExchange;
  beforeEach(async () => {
    t = await createTestExchange();
  });
  afterEach(async () => {
    await t.assertInvariants();
    await t.close();
  });

  const usdt = async (userId: number) =>
    (await balancesOf(t.database.db, userId)).find((b) => b.asset === "USDT");

  /** Makes the last trade price of SOL-USDT `price` by crossing two users. */
  async function tradeAt(price: string) {
    const a = await t.createUser({ SOL: "10" });
    const b = await t.createUser({ USDT: "10000" });
    await t.exchange.placeOrder(a, {
      symbol: "SOL-USDT",
      side: "sell",
      type: "limit",
      price,
      quantity: "0.1",
    });
    await t.exchange.placeOrder(b, {
      symbol: "SOL-USDT",
      side: "buy",
      type: "limit",
      price,
      quantity: "0.1",
    });
  }

  it("expires the unfilled rest of an IOC order and rests nothing", async () => {
    const maker = await t.createUser({ SOL: "10" });
    const taker = await t.createUser({ USDT: "10000" });
    await t.exchange.placeOrder(maker, {
      symbol: "SOL-USDT",
      side: "sell",
      type: "limit",
      price: "100.000",
      quantity: "1",
    });
    const ioc = await t.exchange.placeOrder(taker, {
      symbol: "SOL-USDT",
      side: "buy",
      type: "limit",
      price: "100.000",
      quantity: "2",
      timeInForce: "IOC",
    });
    expect(ioc.status).toBe("expired");
    expect(ioc.filledQuantity).toBe(1_000_000_000n);
    expect((await usdt(taker))?.locked).toBe(0n);
  });

  it("kills a FOK order that cannot fill entirely, with no trade", async () => {
    const maker = await t.createUser({ SOL: "10" });
    const taker = await t.createUser({ USDT: "10000" });
    await t.exchange.placeOrder(maker, {
      symbol: "SOL-USDT",
      side: "sell",
      type: "limit",
      price: "100.000",
      quantity: "1",
    });
    const fok = await t.exchange.placeOrder(taker, {
      symbol: "SOL-USDT",
      side: "buy",
      type: "limit",
      price: "100.000",
      quantity: "5",
      timeInForce: "FOK",
    });
    expect(fok.status).toBe("expired");
    expect(fok.filledQuantity).toBe(0n);
    expect(await usdt(taker)).toMatchObject({ available: 10_000n * USDT, locked: 0n });
  });

  it("rejects a post-only order that would take", async () => {
    const maker = await t.createUser({ SOL: "10" });
    await t.exchange.placeOrder(maker, {
      symbol: "SOL-USDT",
      side: "sell",
      type: "limit",
      price: "100.000",
      quantity: "1",
    });
    const taker = await t.createUser({ USDT: "10000" });
    await expect(
      t.exchange.placeOrder(taker, {
        symbol: "SOL-USDT",
        side: "buy",
        type: "limit",
        price: "100.000",
        quantity: "0.1",
        postOnly: true,
      }),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
      reason: "POST_ONLY_WOULD_TAKE",
      field: "postOnly",
    });
    expect(await usdt(taker)).toMatchObject({ available: 10_000n * USDT, locked: 0n });
  });

  it("cancels the newest order by default when a user would trade with themselves", async () => {
    const user = await t.createUser({ SOL: "10", USDT: "10000" });
    const resting = await t.exchange.placeOrder(user, {
      symbol: "SOL-USDT",
      side: "sell",
      type: "limit",
      price: "99.000",
      quantity: "1",
    });
    const taker = await t.exchange.placeOrder(user, {
      symbol: "SOL-USDT",
      side: "buy",
      type: "limit",
      price: "99.000",
      quantity: "1",
    });
    expect(taker).toMatchObject({ status: "cancelled", reason: "self_trade", filledQuantity: 0n });
    const still = await findOrder(t.database.db, user, { orderId: resting.id });
    expect(still?.status).toBe("open");
    await t.exchange.cancelOrder(user, { orderId: resting.id });
  });

  it("triggers a stop-limit buy when the last price reaches its stop, in the same command", async () => {
    await tradeAt("100.000");
    const trader = await t.createUser({ USDT: "10000" });
    const stop = await t.exchange.placeOrder(trader, {
      symbol: "SOL-USDT",
      side: "buy",
      type: "stop_limit",
      stopPrice: "105.000",
      price: "106.000",
      quantity: "1",
    });
    expect(stop.status).toBe("untriggered");
    const seller = await t.createUser({ SOL: "10" });
    await t.exchange.placeOrder(seller, {
      symbol: "SOL-USDT",
      side: "sell",
      type: "limit",
      price: "106.000",
      quantity: "2",
    });
    await tradeAt("105.000");
    const after = await findOrder(t.database.db, trader, { orderId: stop.id });
    expect(after?.status).toBe("filled");
    expect(after?.filledQuote).toBe(106n * USDT);
    await t.exchange.cancelAllOrders(seller);
  });

  it("rejects a stop whose price the market has already passed", async () => {
    await tradeAt("100.000");
    const trader = await t.createUser({ SOL: "10" });
    await expect(
      t.exchange.placeOrder(trader, {
        symbol: "SOL-USDT",
        side: "sell",
        type: "stop_market",
        stopPrice: "101.000",
        quantity: "1",
      }),
    ).rejects.toMatchObject({ reason: "STOP_WOULD_TRIGGER", field: "stopPrice" });
  });

  it("runs a trailing stop sell that follows the price up and fires on the pullback", async () => {
    await tradeAt("100.000");
    const trader = await t.createUser({ SOL: "10" });
    const bidder = await t.createUser({ USDT: "10000" });
    const trailing = await t.exchange.placeOrder(trader, {
      symbol: "SOL-USDT",
      side: "sell",
      type: "trailing_stop",
      trailingDelta: "5.000",
      quantity: "1",
    });
    expect(trailing.status).toBe("untriggered");
    await tradeAt("110.000"); // watermark 110, fires at or below 105
    await t.exchange.placeOrder(bidder, {
      symbol: "SOL-USDT",
      side: "buy",
      type: "limit",
      price: "104.000",
      quantity: "5",
    });
    await tradeAt("106.000");
    expect((await findOrder(t.database.db, trader, { orderId: trailing.id }))?.status).toBe(
      "untriggered",
    );
    await tradeAt("105.000");
    const fired = await findOrder(t.database.db, trader, { orderId: trailing.id });
    expect(fired?.status).toBe("filled");
    await t.exchange.cancelAllOrders(bidder);
  });

  it("cancels the other order of an OCO pair when one fills", async () => {
    await tradeAt("100.000");
    const trader = await t.createUser({ SOL: "10" });
    const takeProfit = await t.exchange.placeOrder(trader, {
      symbol: "SOL-USDT",
      side: "sell",
      type: "limit",
      price: "110.000",
      quantity: "1",
    });
    const stopLoss = await t.exchange.placeOrder(trader, {
      symbol: "SOL-USDT",
      side: "sell",
      type: "stop_limit",
      stopPrice: "95.000",
      price: "94.000",
      quantity: "1",
      ocoWith: takeProfit.id,
    });
    const buyer = await t.createUser({ USDT: "10000" });
    await t.exchange.placeOrder(buyer, {
      symbol: "SOL-USDT",
      side: "buy",
      type: "limit",
      price: "110.000",
      quantity: "1",
    });
    expect((await findOrder(t.database.db, trader, { orderId: takeProfit.id }))?.status).toBe(
      "filled",
    );
    const other = await findOrder(t.database.db, trader, { orderId: stopLoss.id });
    expect(other).toMatchObject({ status: "cancelled", reason: "oco", held: 0n });
  });

  it("holds a stop-market buy's budget and never spends more than it", async () => {
    await tradeAt("100.000");
    const trader = await t.createUser({ USDT: "1000" });
    const order = await t.exchange.placeOrder(trader, {
      symbol: "SOL-USDT",
      side: "buy",
      type: "stop_market",
      stopPrice: "102.000",
      quantity: "5",
    });
    // 5 × 102 × 1.2 (price band) = 612, plus the 0.2% fee.
    expect(order.held).toBe(612n * USDT + (612n * USDT * 20n) / 10_000n);
    await t.exchange.cancelOrder(trader, { orderId: order.id });
  });
});
