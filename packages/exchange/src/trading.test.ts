import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ExchangeError } from "./errors";
import { balancesOf } from "./queries/wallet";
import { createTestExchange, type TestExchange } from "./testing";

const BTC = 100_000_000n; // minor units per BTC
const USDT = 1_000_000n;

describe("trading", () => {
  let t: TestExchange;
  beforeAll(async () => {
    t = await createTestExchange();
  });
  afterEach(() => t.assertInvariants());
  afterAll(() => t.close());

  const balance = async (userId: number, asset: string) => {
    const row = (await balancesOf(t.database.db, userId)).find((b) => b.asset === asset);
    return { available: row?.available ?? 0n, locked: row?.locked ?? 0n };
  };

  it("holds price × quantity plus the taker fee for a resting limit buy, and releases it on cancel", async () => {
    const buyer = await t.createUser({ USDT: "10000" });
    const order = await t.exchange.placeOrder(buyer, {
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "50000.00",
      quantity: "0.1",
    });
    expect(order.status).toBe("open");
    // 5000 USDT + 0.2% taker fee = 5010 USDT
    expect(await balance(buyer, "USDT")).toEqual({
      available: 4_990n * USDT,
      locked: 5_010n * USDT,
    });
    expect(t.exchange.orderBook("BTC-USDT", 5).bids).toEqual([[50_000n * USDT, BTC / 10n]]);

    const cancelled = await t.exchange.cancelOrder(buyer, { orderId: order.id });
    expect(cancelled.status).toBe("cancelled");
    expect(await balance(buyer, "USDT")).toEqual({ available: 10_000n * USDT, locked: 0n });
    expect(t.exchange.orderBook("BTC-USDT", 5).bids).toEqual([]);
  });

  it("trades at the maker's price and moves fees to the fee account", async () => {
    const maker = await t.createUser({ BTC: "1" });
    const taker = await t.createUser({ USDT: "100000" });
    await t.exchange.placeOrder(maker, {
      symbol: "BTC-USDT",
      side: "sell",
      type: "limit",
      price: "60000.00",
      quantity: "0.5",
    });
    const buy = await t.exchange.placeOrder(taker, {
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "61000.00",
      quantity: "0.5",
    });
    expect(buy.status).toBe("filled");
    expect(buy.filledQuote).toBe(30_000n * USDT);
    // Taker paid 30000 + 0.2% = 30060; the rest of the 61000-priced hold came back.
    expect(await balance(taker, "USDT")).toEqual({ available: 69_940n * USDT, locked: 0n });
    expect(await balance(taker, "BTC")).toEqual({ available: BTC / 2n, locked: 0n });
    // Maker received 30000 − 0.1% = 29970.
    expect(await balance(maker, "USDT")).toEqual({ available: 29_970n * USDT, locked: 0n });
    expect(await balance(maker, "BTC")).toEqual({ available: BTC / 2n, locked: 0n });
  });

  it("refuses an order the user cannot pay for and changes nothing", async () => {
    const poor = await t.createUser({ USDT: "10" });
    await expect(
      t.exchange.placeOrder(poor, {
        symbol: "BTC-USDT",
        side: "buy",
        type: "limit",
        price: "50000.00",
        quantity: "0.001",
      }),
    ).rejects.toMatchObject({ code: "INSUFFICIENT_FUNDS" });
    expect(await balance(poor, "USDT")).toEqual({ available: 10n * USDT, locked: 0n });
  });

  it.each([
    [{ price: "50000.001" }, "price"],
    [{ price: "1e5" }, "price"],
    [{ price: "-1" }, "price"],
    [{ price: "0" }, "price"],
    [{ quantity: "0.00001" }, "quantity"],
    [{ quantity: "0.123456789" }, "quantity"],
    [{ quantity: "NaN" }, "quantity"],
    [{ price: "2000000.00" }, "price"],
    [{ quantity: "0.0001", price: "100.00" }, "quantity"],
  ])("rejects %j naming the field %s", async (change, field) => {
    const user = await t.createUser({ USDT: "1000" });
    const error = await t.exchange
      .placeOrder(user, {
        symbol: "BTC-USDT",
        side: "buy",
        type: "limit",
        price: "500.00",
        quantity: "0.01",
        ...change,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExchangeError);
    expect((error as ExchangeError).code).toBe("INVALID_INPUT");
    expect((error as ExchangeError).field).toBe(field);
    expect(await balance(user, "USDT")).toEqual({ available: 1_000n * USDT, locked: 0n });
  });

  it("buys at market by quote amount and never spends more than it held", async () => {
    const seller = await t.createUser({ ETH: "10" });
    const buyer = await t.createUser({ USDT: "5000" });
    await t.exchange.placeOrder(seller, {
      symbol: "ETH-USDT",
      side: "sell",
      type: "limit",
      price: "3000.00",
      quantity: "1",
    });
    await t.exchange.placeOrder(seller, {
      symbol: "ETH-USDT",
      side: "sell",
      type: "limit",
      price: "3100.00",
      quantity: "1",
    });
    const order = await t.exchange.placeOrder(buyer, {
      symbol: "ETH-USDT",
      side: "buy",
      type: "market",
      quoteQuantity: "4550",
    });
    expect(order.status).toBe("expired");
    expect(order.filledQuantity).toBe(1_500_000_00n); // 1 ETH at 3000 + 0.5 ETH at 3100
    expect(order.filledQuote).toBe(4_550n * USDT);
    const usdt = await balance(buyer, "USDT");
    expect(usdt.locked).toBe(0n);
    expect(usdt.available).toBe(5_000n * USDT - 4_550n * USDT - (4_550n * USDT * 20n) / 10_000n);
  });

  it("sells at market by base quantity, filling across levels", async () => {
    const bidder = await t.createUser({ USDT: "100000" });
    const seller = await t.createUser({ SOL: "100" });
    await t.exchange.placeOrder(bidder, {
      symbol: "SOL-USDT",
      side: "buy",
      type: "limit",
      price: "150.000",
      quantity: "10",
    });
    await t.exchange.placeOrder(bidder, {
      symbol: "SOL-USDT",
      side: "buy",
      type: "limit",
      price: "149.000",
      quantity: "10",
    });
    const order = await t.exchange.placeOrder(seller, {
      symbol: "SOL-USDT",
      side: "sell",
      type: "market",
      quantity: "15",
    });
    expect(order.status).toBe("filled");
    expect(order.filledQuote).toBe((1_500n + 745n) * USDT);
  });

  it("returns the same order for a repeated clientOrderId and CONFLICT for a different payload", async () => {
    const user = await t.createUser({ USDT: "100000" });
    const input = {
      symbol: "BTC-USDT",
      side: "buy" as const,
      type: "limit" as const,
      price: "55000.00",
      quantity: "0.01",
      clientOrderId: "retry-1",
    };
    const results = await Promise.all(
      Array.from({ length: 50 }, () => t.exchange.placeOrder(user, input)),
    );
    expect(new Set(results.map((o) => o.id)).size).toBe(1);
    await expect(
      t.exchange.placeOrder(user, { ...input, price: "55001.00" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    const usdt = await balance(user, "USDT");
    expect(usdt.locked).toBe(550n * USDT + (550n * USDT * 20n) / 10_000n);
  });

  it("never overdraws when 200 parallel orders ask for more than the balance", async () => {
    const user = await t.createUser({ USDT: "1000" });
    const attempts = await Promise.allSettled(
      Array.from({ length: 200 }, (_, i) =>
        t.exchange.placeOrder(user, {
          symbol: "ETH-USDT",
          side: "buy",
          type: "limit",
          price: `${2500 + (i % 7)}.00`,
          quantity: "0.05",
        }),
      ),
    );
    const accepted = attempts.filter((a) => a.status === "fulfilled").length;
    expect(accepted).toBeGreaterThan(0);
    expect(accepted).toBeLessThan(200);
    const usdt = await balance(user, "USDT");
    expect(usdt.available).toBeGreaterThanOrEqual(0n);
    expect(usdt.available + usdt.locked).toBe(1_000n * USDT);
    await t.exchange.cancelAllOrders(user);
    expect(await balance(user, "USDT")).toEqual({ available: 1_000n * USDT, locked: 0n });
  });
});
