import { beforeAll, describe, expect, it } from "vitest";
import { balancesOf, refusalOf, rejectionOf, useTradingServer } from "./testing/trading";

// BTC-USDT: tick 0.01, lot 0.0001, maker 10 bps, taker 20 bps; USDT has 6 decimals, BTC 8.
const limit = (side: "buy" | "sell", price: string, quantity: string) =>
  ({ symbol: "BTC-USDT", side, type: "limit", price, quantity }) as const;

describe("orders.amend through the API", () => {
  const t = useTradingServer();
  beforeAll(() => t.tradeAt("BTC-USDT", "30000.00"));

  it("keeps queue priority when the quantity goes down, and releases the freed hold", async () => {
    const first = await t.trader({ USDT: "1000" });
    const second = await t.trader({ USDT: "1000" });
    const seller = await t.trader({ BTC: "1" });
    const early = await first.client.orders.place.mutate(limit("buy", "29900.00", "0.02"));
    const late = await second.client.orders.place.mutate(limit("buy", "29900.00", "0.02"));

    const amended = await first.client.orders.amend.mutate({
      orderId: early.id,
      quantity: "0.01",
    });
    expect(amended).toMatchObject({ id: early.id, status: "open", quantity: "0.01000000" });
    // 299 USDT + 0.2% = 299.598 held now, down from 598 + 1.196.
    expect((await balancesOf(first.client)).USDT).toEqual({
      available: "700.402000",
      locked: "299.598000",
    });

    const hit = await seller.client.orders.place.mutate(limit("sell", "29900.00", "0.01"));
    expect(hit.status).toBe("filled");
    expect(await first.client.orders.get.query({ orderId: early.id })).toMatchObject({
      status: "filled",
      filledQuantity: "0.01000000",
    });
    expect(await second.client.orders.get.query({ orderId: late.id })).toMatchObject({
      status: "open",
      filledQuantity: "0.00000000",
    });
  });

  it("sends the order to the back of the queue when its price changes, and moves its hold", async () => {
    const first = await t.trader({ USDT: "1000" });
    const second = await t.trader({ USDT: "1000" });
    const seller = await t.trader({ BTC: "1" });
    const early = await first.client.orders.place.mutate(limit("buy", "29800.00", "0.01"));
    const late = await second.client.orders.place.mutate(limit("buy", "29810.00", "0.01"));

    // Up to the other's level, and back behind it.
    const amended = await first.client.orders.amend.mutate({
      orderId: early.id,
      price: "29810.00",
    });
    expect(amended).toMatchObject({ price: "29810.000000", quantity: "0.01000000" });
    // 298.10 + 0.2% = 298.6962
    expect((await balancesOf(first.client)).USDT).toEqual({
      available: "701.303800",
      locked: "298.696200",
    });
    const book = await first.client.market.orderBook.query({ symbol: "BTC-USDT", depth: 5 });
    expect(book.bids).toContainEqual({ price: "29810.000000", quantity: "0.02000000" });
    expect(book.bids.some((level) => level.price === "29800.000000")).toBe(false);

    await seller.client.orders.place.mutate(limit("sell", "29810.00", "0.01"));
    expect((await second.client.orders.get.query({ orderId: late.id })).status).toBe("filled");
    expect((await first.client.orders.get.query({ orderId: early.id })).status).toBe("open");
  });

  it("trades at once when the new price crosses the book", async () => {
    const seller = await t.trader({ BTC: "1" });
    const buyer = await t.trader({ USDT: "1000" });
    await seller.client.orders.place.mutate(limit("sell", "30100.00", "0.01"));
    const bid = await buyer.client.orders.place.mutate(limit("buy", "29700.00", "0.01"));
    const amended = await buyer.client.orders.amend.mutate({ orderId: bid.id, price: "30100.00" });
    expect(amended).toMatchObject({ status: "filled", averagePrice: "30100.000000" });
    // Paid 301 + 0.602 taker fee; nothing stays locked.
    expect((await balancesOf(buyer.client)).USDT).toEqual({
      available: "698.398000",
      locked: "0.000000",
    });
  });

  it("finds the order by clientOrderId and amends a sell's held base", async () => {
    const seller = await t.trader({ BTC: "1" });
    await seller.client.orders.place.mutate({
      ...limit("sell", "31000.00", "0.05"),
      clientOrderId: "ask-1",
    });
    const amended = await seller.client.orders.amend.mutate({
      clientOrderId: "ask-1",
      quantity: "0.08",
      price: "31500.00",
    });
    expect(amended).toMatchObject({ quantity: "0.08000000", price: "31500.000000" });
    expect((await balancesOf(seller.client)).BTC).toEqual({
      available: "0.92000000",
      locked: "0.08000000",
    });
  });

  it("answers NOT_FOUND for another user's order and changes nothing", async () => {
    const owner = await t.trader({ USDT: "1000" });
    const stranger = await t.trader({ USDT: "1000" });
    const order = await owner.client.orders.place.mutate(limit("buy", "29000.00", "0.01"));
    const attempt = await rejectionOf(
      stranger.client.orders.amend.mutate({ orderId: order.id, quantity: "0.005" }),
    );
    expect(attempt.code).toBe("NOT_FOUND");
    expect(await owner.client.orders.get.query({ orderId: order.id })).toMatchObject({
      quantity: "0.01000000",
      price: "29000.000000",
    });
    expect((await balancesOf(stranger.client)).USDT.locked).toBe("0.000000");
  });

  it("refuses bad input with BAD_REQUEST at the field and changes nothing", async () => {
    const trader = await t.trader({ USDT: "1000", BTC: "1" });
    const order = await trader.client.orders.place.mutate(limit("buy", "29500.00", "0.01"));
    const before = await balancesOf(trader.client);
    const attempts = [
      [{ price: "29500.005" }, { reason: "PRICE_NOT_ON_TICK", field: "price" }],
      [{ quantity: "0.00001" }, { reason: "QUANTITY_NOT_ON_LOT", field: "quantity" }],
      [{ quantity: "0.0001" }, { reason: "BELOW_MIN_NOTIONAL", field: "quantity" }],
      [{ price: "-1" }, { reason: "NOT_A_DECIMAL", field: "price" }],
      [{}, { reason: "INVALID_INPUT", field: "quantity" }],
      [{ quantity: "1" }, { code: "PRECONDITION_FAILED", reason: "INSUFFICIENT_BALANCE" }],
    ] as const;
    for (const [change, expected] of attempts) {
      const refusal = await refusalOf(
        trader.client.orders.amend.mutate({ orderId: order.id, ...change }),
      );
      expect(refusal).toMatchObject({ code: "BAD_REQUEST", ...expected });
    }
    expect(await balancesOf(trader.client)).toEqual(before);
    expect(await trader.client.orders.get.query({ orderId: order.id })).toMatchObject({
      quantity: "0.01000000",
      price: "29500.000000",
      status: "open",
    });
  });

  it("refuses an order waiting for its trigger and one already filled", async () => {
    const trader = await t.trader({ USDT: "1000" });
    const stop = await trader.client.orders.place.mutate({
      symbol: "BTC-USDT",
      side: "buy",
      type: "stop_limit",
      stopPrice: "31000.00",
      price: "31100.00",
      quantity: "0.01",
    });
    const refusal = await refusalOf(
      trader.client.orders.amend.mutate({ orderId: stop.id, quantity: "0.02" }),
    );
    expect(refusal).toMatchObject({
      code: "BAD_REQUEST",
      reason: "ORDER_NOT_AMENDABLE",
      field: "orderId",
    });
    await trader.client.orders.cancel.mutate({ orderId: stop.id });
    const gone = await rejectionOf(
      trader.client.orders.amend.mutate({ orderId: stop.id, quantity: "0.02" }),
    );
    expect(gone.code).toBe("NOT_FOUND");
  });

  it("sends the order to the back of the queue when its quantity goes up", async () => {
    const first = await t.trader({ USDT: "1000" });
    const second = await t.trader({ USDT: "1000" });
    const seller = await t.trader({ BTC: "1" });
    const early = await first.client.orders.place.mutate(limit("buy", "29600.00", "0.01"));
    await second.client.orders.place.mutate(limit("buy", "29600.00", "0.01"));
    // A larger quantity loses the place: the second trader is first now.
    await first.client.orders.amend.mutate({ orderId: early.id, quantity: "0.02" });
    await seller.client.orders.place.mutate(limit("sell", "29600.00", "0.01"));
    expect((await first.client.orders.get.query({ orderId: early.id })).filledQuantity).toBe(
      "0.00000000",
    );
  });
});
