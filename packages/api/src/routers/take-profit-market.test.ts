import { beforeEach, describe, expect, it } from "vitest";
import { balancesOf, useTestApi } from "../testing/use-test-api";

const limit = (side: "buy" | "sell", price: string, quantity: string) =>
  ({ symbol: "BTC-USDT", side, type: "limit", price, quantity }) as const;

const takeProfit = (side: "buy" | "sell", stopPrice: string) =>
  ({ symbol: "BTC-USDT", side, type: "take_profit_market", stopPrice, quantity: "0.01" }) as const;

// Every test starts from a last trade price of 30000; the house moves it with `tradeAt`.
describe("take-profit-market orders through the orders router", () => {
  const t = useTestApi();
  beforeEach(() => t.tradeAt("BTC-USDT", "30000.00"));

  it("waits while the price stays above a buy's stop, then buys at the asks once it falls to it", async () => {
    const trader = await t.trader({ USDT: "1000" });
    const seller = await t.trader({ BTC: "1" });
    const order = await trader.caller.orders.place(takeProfit("buy", "29700.00"));
    expect(order).toMatchObject({
      type: "take_profit_market",
      status: "untriggered",
      price: null,
      stopPrice: "29700.000000",
    });
    // Like a stop-market buy: 0.01 × 29700 × 1.2 (the price band) = 356.4, plus 0.2 %.
    expect((await balancesOf(trader.caller)).USDT).toEqual({
      available: "642.887200",
      locked: "357.112800",
    });
    await seller.caller.orders.place(limit("sell", "29800.00", "0.01"));
    await t.tradeAt("BTC-USDT", "29700.01");
    expect((await trader.caller.orders.get({ orderId: order.id })).status).toBe("untriggered");

    await t.tradeAt("BTC-USDT", "29700.00");
    // A market order once fired: it takes the best ask, above its stop price.
    expect(await trader.caller.orders.get({ orderId: order.id })).toMatchObject({
      status: "filled",
      averagePrice: "29800.000000",
      fee: "0.596000",
    });
    // 298 + 0.596 spent; the rest of the budget is released.
    expect(await balancesOf(trader.caller)).toMatchObject({
      USDT: { available: "701.404000", locked: "0.000000" },
      BTC: { available: "0.01000000", locked: "0.00000000" },
    });
  });

  it("fires a sell when the price rises to its stop and sells into the bids", async () => {
    const trader = await t.trader({ BTC: "0.05" });
    const bidder = await t.trader({ USDT: "1000" });
    const order = await trader.caller.orders.place(takeProfit("sell", "30300.00"));
    expect((await balancesOf(trader.caller)).BTC).toEqual({
      available: "0.04000000",
      locked: "0.01000000",
    });
    await bidder.caller.orders.place(limit("buy", "30250.00", "0.01"));
    await t.tradeAt("BTC-USDT", "30299.99");
    expect((await trader.caller.orders.get({ orderId: order.id })).status).toBe("untriggered");

    await t.tradeAt("BTC-USDT", "30300.00");
    expect(await trader.caller.orders.get({ orderId: order.id })).toMatchObject({
      status: "filled",
      averagePrice: "30250.000000",
      fee: "0.605000",
    });
    expect(await balancesOf(trader.caller)).toMatchObject({
      USDT: { available: "301.895000", locked: "0.000000" },
      BTC: { available: "0.04000000", locked: "0.00000000" },
    });
  });

  it("refuses a stop the price has already reached and releases a cancelled one's funds", async () => {
    const trader = await t.trader({ BTC: "0.05" });
    // A sell take-profit fires at or above its stop: at 30000 one at 30000 would fire at once.
    await expect(trader.caller.orders.place(takeProfit("sell", "30000.00"))).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { reason: "STOP_WOULD_TRIGGER", field: "stopPrice" },
    });
    await expect(
      trader.caller.orders.place({ ...takeProfit("sell", "30300.00"), price: "30300.00" }),
    ).rejects.toMatchObject({ cause: { reason: "FIELD_NOT_ALLOWED", field: "price" } });
    expect((await balancesOf(trader.caller)).BTC.locked).toBe("0.00000000");

    const order = await trader.caller.orders.place(takeProfit("sell", "30300.00"));
    expect((await balancesOf(trader.caller)).BTC.locked).toBe("0.01000000");
    expect((await trader.caller.orders.cancel({ orderId: order.id })).status).toBe("cancelled");
    expect((await balancesOf(trader.caller)).BTC).toEqual({
      available: "0.05000000",
      locked: "0.00000000",
    });
    // Cancelled before its price came: a print at the stop no longer sells anything.
    await t.tradeAt("BTC-USDT", "30300.00");
    expect(await trader.caller.orders.get({ orderId: order.id })).toMatchObject({
      status: "cancelled",
      filledQuantity: "0.00000000",
    });
  });
});
