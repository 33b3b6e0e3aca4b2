import { beforeEach, describe, expect, it } from "vitest";
import { balancesOf, rejectionOf, useTradingServer } from "./testing/trading";

const limit = (side: "buy" | "sell", price: string, quantity: string) =>
  ({ symbol: "BTC-USDT", side, type: "limit", price, quantity }) as const;

describe("market orders through the API", () => {
  const t = useTradingServer();
  beforeEach(() => t.tradeAt("BTC-USDT", "30000.00"));

  it("buys a quantity across levels at the makers' prices, paying the taker fee per fill", async () => {
    const maker = await t.trader({ BTC: "1" });
    const buyer = await t.trader({ USDT: "1000" });
    await maker.client.orders.place.mutate(limit("sell", "30000.00", "0.01"));
    const second = await maker.client.orders.place.mutate(limit("sell", "30010.00", "0.01"));
    const order = await buyer.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "buy",
      type: "market",
      quantity: "0.015",
    });
    // 300 + 150.05 = 450.05; fees 0.6 + 0.3001 (each fill's fee rounds down on its own).
    expect(order).toMatchObject({
      status: "filled",
      timeInForce: "IOC",
      filledQuantity: "0.01500000",
      filledQuote: "450.050000",
      averagePrice: "30003.333333",
      fee: "0.900100",
    });
    expect(await balancesOf(buyer.client)).toMatchObject({
      USDT: { available: "549.049900", locked: "0.000000" },
      BTC: { available: "0.01500000", locked: "0.00000000" },
    });
    const fills = (await buyer.client.orders.fills.query({ orderId: order.id })).items;
    expect(fills.map((f) => [f.price, f.quantity, f.fee])).toEqual([
      ["30010.000000", "0.00500000", "0.300100"],
      ["30000.000000", "0.01000000", "0.600000"],
    ]);
    expect(await maker.client.orders.get.query({ orderId: second.id })).toMatchObject({
      status: "partially_filled",
      filledQuantity: "0.00500000",
    });
    // Maker fees 0.3 + 0.15005.
    expect((await balancesOf(maker.client)).USDT.available).toBe("449.599950");
  });

  it("buys for a USDT amount with quoteQuantity, whole lots only, and never spends more", async () => {
    const maker = await t.trader({ BTC: "1" });
    const buyer = await t.trader({ USDT: "1000" });
    await maker.client.orders.place.mutate(limit("sell", "30000.00", "0.01"));
    // One lot (0.0001 BTC) costs 3 USDT: 100.50 buys 33 lots for 99, plus 0.198 in fees.
    const order = await buyer.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "buy",
      type: "market",
      quoteQuantity: "100.50",
    });
    expect(order).toMatchObject({
      quoteQuantity: "100.500000",
      quantity: null,
      filledQuantity: "0.00330000",
      filledQuote: "99.000000",
      fee: "0.198000",
    });
    expect(["filled", "expired"]).toContain(order.status);
    expect(await balancesOf(buyer.client)).toMatchObject({
      USDT: { available: "900.802000", locked: "0.000000" },
      BTC: { available: "0.00330000", locked: "0.00000000" },
    });
  });

  it("sells a quantity into the bids", async () => {
    const bidder = await t.trader({ USDT: "1000" });
    const seller = await t.trader({ BTC: "0.05" });
    await bidder.client.orders.place.mutate(limit("buy", "29990.00", "0.01"));
    const order = await seller.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "sell",
      type: "market",
      quantity: "0.01",
    });
    expect(order).toMatchObject({
      status: "filled",
      averagePrice: "29990.000000",
      fee: "0.599800",
    });
    expect(await balancesOf(seller.client)).toMatchObject({
      USDT: { available: "299.300200", locked: "0.000000" },
      BTC: { available: "0.04000000", locked: "0.00000000" },
    });
    expect((await balancesOf(bidder.client)).BTC.available).toBe("0.01000000");
  });

  it("sells for a USDT amount with quoteQuantity, holding only the base it needs", async () => {
    const bidder = await t.trader({ USDT: "1000" });
    const seller = await t.trader({ BTC: "0.05" });
    await bidder.client.orders.place.mutate(limit("buy", "29990.00", "0.02"));
    const order = await seller.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "sell",
      type: "market",
      quoteQuantity: "149.95",
    });
    expect(order).toMatchObject({
      status: "filled",
      filledQuantity: "0.00500000",
      filledQuote: "149.950000",
      fee: "0.299900",
    });
    expect(await balancesOf(seller.client)).toMatchObject({
      USDT: { available: "149.650100", locked: "0.000000" },
      BTC: { available: "0.04500000", locked: "0.00000000" },
    });
  });

  it("expires when the book runs dry and releases what it did not spend", async () => {
    const maker = await t.trader({ BTC: "1" });
    const buyer = await t.trader({ USDT: "2000" });
    await maker.client.orders.place.mutate(limit("sell", "30000.00", "0.01"));
    const order = await buyer.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "buy",
      type: "market",
      quoteQuantity: "1000",
    });
    expect(order).toMatchObject({
      status: "expired",
      filledQuantity: "0.01000000",
      fee: "0.600000",
    });
    expect((await balancesOf(buyer.client)).USDT).toEqual({
      available: "1699.400000",
      locked: "0.000000",
    });
  });

  it("refuses a market order when the other side of the book is empty", async () => {
    const buyer = await t.trader({ USDT: "1000" });
    const refused = await rejectionOf(
      buyer.client.orders.place.mutate({
        symbol: "ETH-USDT",
        side: "buy",
        type: "market",
        quantity: "0.1",
      }),
    );
    expect(refused).toEqual({
      code: "BAD_REQUEST",
      message: "There is nothing on the other side of the book to trade with",
    });
    expect((await balancesOf(buyer.client)).USDT).toEqual({
      available: "1000.000000",
      locked: "0.000000",
    });
    expect((await buyer.client.orders.list.query({ status: "history" })).items).toEqual([]);
  });

  it("refuses a market buy the user cannot pay for, fee included", async () => {
    const maker = await t.trader({ BTC: "1" });
    // 0.01 BTC costs 300 USDT and 0.6 in fees; 300.599999 is one unit short.
    const buyer = await t.trader({ USDT: "300.599999" });
    await maker.client.orders.place.mutate(limit("sell", "30000.00", "0.01"));
    const market = { symbol: "BTC-USDT", side: "buy", type: "market", quantity: "0.01" } as const;
    const refused = await rejectionOf(buyer.client.orders.place.mutate(market));
    expect(refused).toEqual({
      code: "PRECONDITION_FAILED",
      message: "Insufficient USDT available for this order",
    });
    await buyer.client.wallet.deposit.mutate({ asset: "USDT", amount: "0.000001" });
    expect((await buyer.client.orders.place.mutate(market)).status).toBe("filled");
    expect((await balancesOf(buyer.client)).USDT).toEqual({
      available: "0.000000",
      locked: "0.000000",
    });
  });
});
