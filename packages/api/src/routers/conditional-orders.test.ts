import { beforeEach, describe, expect, it } from "vitest";
import { balancesOf, useTestApi } from "../testing/use-test-api";

const limit = (side: "buy" | "sell", price: string, quantity: string) =>
  ({ symbol: "BTC-USDT", side, type: "limit", price, quantity }) as const;

// Every test starts from a last trade price of 30000; the house moves it with `tradeAt`.
describe("conditional orders through the orders router", () => {
  const t = useTestApi();
  beforeEach(() => t.tradeAt("BTC-USDT", "30000.00"));

  it("triggers a stop-limit buy when the price rises to its stop and fills it at its limit", async () => {
    const trader = await t.trader({ USDT: "1000" });
    const maker = await t.trader({ BTC: "1" });
    const stop = await trader.caller.orders.place({
      symbol: "BTC-USDT",
      side: "buy",
      type: "stop_limit",
      stopPrice: "30300.00",
      price: "30350.00",
      quantity: "0.01",
    });
    expect(stop).toMatchObject({
      status: "untriggered",
      stopPrice: "30300.000000",
      price: "30350.000000",
    });
    // 303.5 + 0.607
    expect((await balancesOf(trader.caller)).USDT).toEqual({
      available: "695.893000",
      locked: "304.107000",
    });
    await maker.caller.orders.place(limit("sell", "30350.00", "0.01"));
    await t.tradeAt("BTC-USDT", "30299.99");
    expect((await trader.caller.orders.get({ orderId: stop.id })).status).toBe("untriggered");

    await t.tradeAt("BTC-USDT", "30300.00");
    expect(await trader.caller.orders.get({ orderId: stop.id })).toMatchObject({
      status: "filled",
      averagePrice: "30350.000000",
      fee: "0.607000",
    });
    expect(await balancesOf(trader.caller)).toMatchObject({
      USDT: { available: "695.893000", locked: "0.000000" },
      BTC: { available: "0.01000000", locked: "0.00000000" },
    });
  });

  it("triggers a stop-market sell when the price falls to its stop and sells into the bids", async () => {
    const trader = await t.trader({ BTC: "0.05" });
    const bidder = await t.trader({ USDT: "1000" });
    const stop = await trader.caller.orders.place({
      symbol: "BTC-USDT",
      side: "sell",
      type: "stop_market",
      stopPrice: "29700.00",
      quantity: "0.01",
    });
    expect(stop).toMatchObject({ status: "untriggered", price: null, stopPrice: "29700.000000" });
    expect((await balancesOf(trader.caller)).BTC).toEqual({
      available: "0.04000000",
      locked: "0.01000000",
    });
    await bidder.caller.orders.place(limit("buy", "29650.00", "0.01"));
    await t.tradeAt("BTC-USDT", "29700.00");
    expect(await trader.caller.orders.get({ orderId: stop.id })).toMatchObject({
      status: "filled",
      averagePrice: "29650.000000",
      fee: "0.593000",
    });
    expect(await balancesOf(trader.caller)).toMatchObject({
      USDT: { available: "295.907000", locked: "0.000000" },
      BTC: { available: "0.04000000", locked: "0.00000000" },
    });
  });

  it("triggers a take-profit sell when the price rises to its stop", async () => {
    const trader = await t.trader({ BTC: "0.05" });
    const bidder = await t.trader({ USDT: "1000" });
    const takeProfit = await trader.caller.orders.place({
      symbol: "BTC-USDT",
      side: "sell",
      type: "take_profit_limit",
      stopPrice: "30300.00",
      price: "30250.00",
      quantity: "0.01",
    });
    expect(takeProfit.status).toBe("untriggered");
    expect((await balancesOf(trader.caller)).BTC.locked).toBe("0.01000000");
    await bidder.caller.orders.place(limit("buy", "30250.00", "0.01"));
    await t.tradeAt("BTC-USDT", "30300.00");
    expect(await trader.caller.orders.get({ orderId: takeProfit.id })).toMatchObject({
      status: "filled",
      averagePrice: "30250.000000",
      fee: "0.605000",
    });
    expect(await balancesOf(trader.caller)).toMatchObject({
      USDT: { available: "301.895000", locked: "0.000000" },
      BTC: { available: "0.04000000", locked: "0.00000000" },
    });
  });

  it("runs a trailing-stop sell that follows the price up and fires on the pullback", async () => {
    const trader = await t.trader({ BTC: "0.05" });
    const bidder = await t.trader({ USDT: "1000" });
    const trailing = await trader.caller.orders.place({
      symbol: "BTC-USDT",
      side: "sell",
      type: "trailing_stop",
      trailingDelta: "300.00",
      quantity: "0.01",
    });
    expect(trailing).toMatchObject({ status: "untriggered", trailingDelta: "300.000000" });
    expect((await balancesOf(trader.caller)).BTC.locked).toBe("0.01000000");

    await t.tradeAt("BTC-USDT", "30600.00"); // the watermark rises: it now fires at 30300
    await bidder.caller.orders.place(limit("buy", "30250.00", "0.01"));
    await t.tradeAt("BTC-USDT", "30300.01");
    expect((await trader.caller.orders.get({ orderId: trailing.id })).status).toBe("untriggered");
    await t.tradeAt("BTC-USDT", "30300.00");
    expect(await trader.caller.orders.get({ orderId: trailing.id })).toMatchObject({
      status: "filled",
      averagePrice: "30250.000000",
    });
    expect(await balancesOf(trader.caller)).toMatchObject({
      USDT: { available: "301.895000", locked: "0.000000" },
      BTC: { available: "0.04000000", locked: "0.00000000" },
    });
  });

  it("shows where a trailing stop fires now: the trigger follows the price, never back", async () => {
    const seller = await t.trader({ BTC: "0.05" });
    const buyer = await t.trader({ USDT: "1000" });
    const place = (trader: typeof seller, side: "buy" | "sell") =>
      trader.caller.orders.place({
        symbol: "BTC-USDT",
        side,
        type: "trailing_stop",
        trailingDelta: "250.00",
        quantity: "0.01",
      });
    const sell = await place(seller, "sell");
    const buy = await place(buyer, "buy");
    // Placed at a last price of 30000.
    expect(sell.trailingTrigger).toBe("29750.000000");
    expect(buy.trailingTrigger).toBe("30250.000000");
    const listed = async (trader: typeof seller, orderId: string) => {
      const page = await trader.caller.orders.list({ status: "open" });
      return page.items.find((order) => order.id === orderId)?.trailingTrigger;
    };

    await t.tradeAt("BTC-USDT", "30100.00"); // the sell's watermark rises, the buy's stays
    expect(await listed(seller, sell.id)).toBe("29850.000000");
    expect(await listed(buyer, buy.id)).toBe("30250.000000");
    await t.tradeAt("BTC-USDT", "29900.00"); // the buy's falls, the sell's stays up
    expect(await listed(seller, sell.id)).toBe("29850.000000");
    expect((await buyer.caller.orders.get({ orderId: buy.id })).trailingTrigger).toBe(
      "30150.000000",
    );
    expect((await seller.caller.orders.cancel({ orderId: sell.id })).trailingTrigger).toBeNull();
    await buyer.caller.orders.cancel({ orderId: buy.id });
  });

  it("holds a stop-market or trailing buy's budget at the edge of the price band", async () => {
    const trader = await t.trader({ USDT: "1000" });
    const stop = await trader.caller.orders.place({
      symbol: "BTC-USDT",
      side: "buy",
      type: "stop_market",
      stopPrice: "30300.00",
      quantity: "0.01",
    });
    // 0.01 × 30300 × 1.2 = 363.6, plus 0.2%
    expect((await balancesOf(trader.caller)).USDT.locked).toBe("364.327200");
    await trader.caller.orders.cancel({ orderId: stop.id });
    const trailing = await trader.caller.orders.place({
      symbol: "BTC-USDT",
      side: "buy",
      type: "trailing_stop",
      trailingDelta: "300.00",
      quantity: "0.01",
    });
    // Trails from the last price 30000: (30000 + 300) × 1.2 again.
    expect((await balancesOf(trader.caller)).USDT.locked).toBe("364.327200");
    expect((await trader.caller.orders.cancel({ orderId: trailing.id })).status).toBe("cancelled");
    expect((await balancesOf(trader.caller)).USDT).toEqual({
      available: "1000.000000",
      locked: "0.000000",
    });
  });

  it("cancels the stop of an OCO pair when its limit fills", async () => {
    const trader = await t.trader({ BTC: "0.05" });
    const buyer = await t.trader({ USDT: "1000" });
    const takeProfit = await trader.caller.orders.place(limit("sell", "30600.00", "0.01"));
    const stopLoss = await trader.caller.orders.place({
      symbol: "BTC-USDT",
      side: "sell",
      type: "stop_limit",
      stopPrice: "29500.00",
      price: "29400.00",
      quantity: "0.01",
      ocoWith: takeProfit.id,
    });
    expect(stopLoss).toMatchObject({ status: "untriggered", ocoOrderId: takeProfit.id });
    expect((await trader.caller.orders.get({ orderId: takeProfit.id })).ocoOrderId).toBe(
      stopLoss.id,
    );
    // Each leg holds its own quantity.
    expect((await balancesOf(trader.caller)).BTC).toEqual({
      available: "0.03000000",
      locked: "0.02000000",
    });

    await buyer.caller.orders.place(limit("buy", "30600.00", "0.01"));
    expect((await trader.caller.orders.get({ orderId: takeProfit.id })).status).toBe("filled");
    expect(await trader.caller.orders.get({ orderId: stopLoss.id })).toMatchObject({
      status: "cancelled",
      reason: "oco",
    });
    expect(await balancesOf(trader.caller)).toMatchObject({
      USDT: { available: "305.694000", locked: "0.000000" },
      BTC: { available: "0.04000000", locked: "0.00000000" },
    });
  });

  it("cancels the limit of an OCO pair when its stop triggers", async () => {
    const trader = await t.trader({ BTC: "0.05" });
    const bidder = await t.trader({ USDT: "1000" });
    const takeProfit = await trader.caller.orders.place(limit("sell", "30600.00", "0.01"));
    const stopLoss = await trader.caller.orders.place({
      symbol: "BTC-USDT",
      side: "sell",
      type: "stop_limit",
      stopPrice: "29700.00",
      price: "29650.00",
      quantity: "0.01",
      ocoWith: takeProfit.id,
    });
    await bidder.caller.orders.place(limit("buy", "29650.00", "0.01"));
    await t.tradeAt("BTC-USDT", "29700.00");
    expect(await trader.caller.orders.get({ orderId: stopLoss.id })).toMatchObject({
      status: "filled",
      averagePrice: "29650.000000",
    });
    expect(await trader.caller.orders.get({ orderId: takeProfit.id })).toMatchObject({
      status: "cancelled",
      reason: "oco",
    });
    expect((await balancesOf(trader.caller)).BTC).toEqual({
      available: "0.04000000",
      locked: "0.00000000",
    });
    expect((await trader.caller.orders.list()).items).toEqual([]);
  });
});
