import { beforeAll, describe, expect, it } from "vitest";
import { balancesOf, refusalOf, useTradingServer } from "./testing/trading";

// BTC-USDT: tick 0.01, lot 0.0001, maker 10 bps, taker 20 bps; USDT has 6 decimals, BTC 8.
const limit = (side: "buy" | "sell", price: string, quantity: string) =>
  ({ symbol: "BTC-USDT", side, type: "limit", price, quantity }) as const;

describe("limit orders through the API", () => {
  const t = useTradingServer();
  beforeAll(() => t.tradeAt("BTC-USDT", "30000.00"));

  it("holds price × quantity plus the taker fee for a resting buy and releases it on cancel", async () => {
    const alice = await t.trader({ USDT: "10000" });
    const order = await alice.client.orders.place.mutate(limit("buy", "30000.00", "0.01"));
    expect(order).toMatchObject({
      status: "open",
      type: "limit",
      timeInForce: "GTC",
      price: "30000.000000",
      quantity: "0.01000000",
      filledQuantity: "0.00000000",
      fee: "0.000000",
      feeAsset: "USDT",
    });
    // 300 USDT + 0.2% = 300.6
    expect((await balancesOf(alice.client)).USDT).toEqual({
      available: "9699.400000",
      locked: "300.600000",
    });
    const open = await alice.client.orders.list.query({ status: "open" });
    expect(open.items.map((o) => o.id)).toEqual([order.id]);

    const cancelled = await alice.client.orders.cancel.mutate({ orderId: order.id });
    expect(cancelled.status).toBe("cancelled");
    expect((await balancesOf(alice.client)).USDT).toEqual({
      available: "10000.000000",
      locked: "0.000000",
    });
    expect((await alice.client.orders.list.query()).items).toEqual([]);
  });

  it("trades at the maker's price, taking 10 bps from the maker and 20 bps from the taker", async () => {
    const seller = await t.trader({ BTC: "1" });
    const buyer = await t.trader({ USDT: "1000" });
    const ask = await seller.client.orders.place.mutate(limit("sell", "30000.00", "0.01"));
    expect((await balancesOf(seller.client)).BTC).toEqual({
      available: "0.99000000",
      locked: "0.01000000",
    });

    // The buyer bids higher and pays the maker's price; the unused hold comes back.
    const bid = await buyer.client.orders.place.mutate(limit("buy", "30050.00", "0.01"));
    expect(bid).toMatchObject({
      status: "filled",
      filledQuantity: "0.01000000",
      filledQuote: "300.000000",
      averagePrice: "30000.000000",
      fee: "0.600000",
    });
    expect(await balancesOf(buyer.client)).toMatchObject({
      USDT: { available: "699.400000", locked: "0.000000" },
      BTC: { available: "0.01000000", locked: "0.00000000" },
    });
    expect(await balancesOf(seller.client)).toMatchObject({
      USDT: { available: "299.700000", locked: "0.000000" },
      BTC: { available: "0.99000000", locked: "0.00000000" },
    });
    expect(await seller.client.orders.get.query({ orderId: ask.id })).toMatchObject({
      status: "filled",
      fee: "0.300000",
    });

    const [buyerFill] = (await buyer.client.orders.fills.query()).items;
    expect(buyerFill).toMatchObject({
      orderId: bid.id,
      side: "buy",
      liquidity: "taker",
      price: "30000.000000",
      quantity: "0.01000000",
      quoteQuantity: "300.000000",
      fee: "0.600000",
      feeAsset: "USDT",
    });
    const sellerFills = (await seller.client.orders.fills.query({ orderId: ask.id })).items;
    expect(sellerFills).toEqual([
      expect.objectContaining({
        id: buyerFill?.id,
        orderId: ask.id,
        side: "sell",
        liquidity: "maker",
        fee: "0.300000",
      }),
    ]);
  });

  it("keeps the rest of a partly filled buy on the book and releases its unused fee reserve", async () => {
    const first = await t.trader({ BTC: "1" });
    const second = await t.trader({ BTC: "1" });
    const buyer = await t.trader({ USDT: "1000" });
    await first.client.orders.place.mutate(limit("sell", "30000.00", "0.01"));
    const bid = await buyer.client.orders.place.mutate(limit("buy", "30000.00", "0.03"));
    expect(bid).toMatchObject({
      status: "partially_filled",
      filledQuantity: "0.01000000",
      fee: "0.600000",
    });
    // Held 900 + 1.8; the fill spent 300 + 0.6; the rest holds 600 + its own 1.2.
    expect((await balancesOf(buyer.client)).USDT).toEqual({
      available: "98.200000",
      locked: "601.200000",
    });

    // The resting rest fills as maker at 10 bps, so 0.6 of its reserve is released.
    const hit = await second.client.orders.place.mutate(limit("sell", "29990.00", "0.02"));
    expect(hit).toMatchObject({ status: "filled", averagePrice: "30000.000000", fee: "1.200000" });
    expect(await buyer.client.orders.get.query({ orderId: bid.id })).toMatchObject({
      status: "filled",
      filledQuantity: "0.03000000",
      filledQuote: "900.000000",
      fee: "1.200000",
    });
    expect(await balancesOf(buyer.client)).toMatchObject({
      USDT: { available: "98.800000", locked: "0.000000" },
      BTC: { available: "0.03000000", locked: "0.00000000" },
    });
    expect((await balancesOf(second.client)).USDT.available).toBe("598.800000");
  });

  it("expires the unfilled rest of an IOC order and keeps nothing locked", async () => {
    const seller = await t.trader({ BTC: "1" });
    const buyer = await t.trader({ USDT: "1000" });
    await seller.client.orders.place.mutate(limit("sell", "30000.00", "0.01"));
    const ioc = await buyer.client.orders.place.mutate({
      ...limit("buy", "30000.00", "0.02"),
      timeInForce: "IOC",
    });
    expect(ioc).toMatchObject({
      status: "expired",
      timeInForce: "IOC",
      filledQuantity: "0.01000000",
    });
    expect((await balancesOf(buyer.client)).USDT).toEqual({
      available: "699.400000",
      locked: "0.000000",
    });
    expect((await buyer.client.orders.list.query()).items).toEqual([]);
  });

  it("fills a FOK order entirely or not at all", async () => {
    const seller = await t.trader({ BTC: "1" });
    const buyer = await t.trader({ USDT: "1000" });
    const ask = await seller.client.orders.place.mutate(limit("sell", "30000.00", "0.01"));
    const killed = await buyer.client.orders.place.mutate({
      ...limit("buy", "30000.00", "0.02"),
      timeInForce: "FOK",
    });
    expect(killed).toMatchObject({ status: "expired", filledQuantity: "0.00000000" });
    expect((await balancesOf(buyer.client)).USDT).toEqual({
      available: "1000.000000",
      locked: "0.000000",
    });
    expect((await seller.client.orders.get.query({ orderId: ask.id })).status).toBe("open");

    const filled = await buyer.client.orders.place.mutate({
      ...limit("buy", "30000.00", "0.01"),
      timeInForce: "FOK",
    });
    expect(filled).toMatchObject({ status: "filled", fee: "0.600000" });
  });

  it("rests a post-only order, refuses one that would take, and charges it the maker fee", async () => {
    const seller = await t.trader({ BTC: "1" });
    const late = await t.trader({ BTC: "1" });
    const buyer = await t.trader({ USDT: "1000" });
    await seller.client.orders.place.mutate(limit("sell", "30000.00", "0.01"));
    const taking = await refusalOf(
      buyer.client.orders.place.mutate({ ...limit("buy", "30000.00", "0.01"), postOnly: true }),
    );
    expect(taking).toMatchObject({
      code: "BAD_REQUEST",
      reason: "POST_ONLY_WOULD_TAKE",
      field: "postOnly",
    });
    expect((await balancesOf(buyer.client)).USDT.locked).toBe("0.000000");

    const maker = await buyer.client.orders.place.mutate({
      ...limit("buy", "29999.99", "0.01"),
      postOnly: true,
    });
    expect(maker).toMatchObject({ status: "open", postOnly: true });
    // 299.9999 + 0.59999980 rounded down to 0.599999
    expect((await balancesOf(buyer.client)).USDT.locked).toBe("300.599899");
    await late.client.orders.place.mutate(limit("sell", "29999.99", "0.01"));
    expect(await buyer.client.orders.get.query({ orderId: maker.id })).toMatchObject({
      status: "filled",
      fee: "0.299999",
    });
    expect((await balancesOf(buyer.client)).USDT).toEqual({
      available: "699.700101",
      locked: "0.000000",
    });
  });

  it("cancels the newer order when a user would trade with themselves", async () => {
    const user = await t.trader({ BTC: "1", USDT: "1000" });
    const ask = await user.client.orders.place.mutate(limit("sell", "30000.00", "0.01"));
    const bid = await user.client.orders.place.mutate(limit("buy", "30000.00", "0.01"));
    expect(bid).toMatchObject({ status: "cancelled", reason: "self_trade" });
    expect((await user.client.orders.get.query({ orderId: ask.id })).status).toBe("open");
    expect((await balancesOf(user.client)).USDT).toEqual({
      available: "1000.000000",
      locked: "0.000000",
    });
  });

  it("accepts prices up to 20% from the last trade and refuses one tick beyond", async () => {
    const user = await t.trader({ BTC: "1", USDT: "10000" });
    await t.tradeAt("BTC-USDT", "30000.00");
    for (const [side, price] of [
      ["sell", "36000.01"],
      ["buy", "23999.99"],
    ] as const) {
      const refused = await refusalOf(user.client.orders.place.mutate(limit(side, price, "0.01")));
      expect(refused).toEqual({
        code: "BAD_REQUEST",
        reason: "PRICE_OUT_OF_BAND",
        field: "price",
        message: "The price is more than 20.00% away from the last trade price",
      });
    }
    for (const [side, price] of [
      ["sell", "36000.00"],
      ["buy", "24000.00"],
    ] as const) {
      expect((await user.client.orders.place.mutate(limit(side, price, "0.01"))).status).toBe(
        "open",
      );
    }
    expect(await balancesOf(user.client)).toMatchObject({
      BTC: { available: "0.99000000", locked: "0.01000000" },
      USDT: { available: "9759.520000", locked: "240.480000" },
    });
  });
});
