import { describe, expect, it } from "vitest";
import { balancesOf, useTestApi } from "../testing/use-test-api";

const limit = (side: "buy" | "sell", price: string, quantity: string) =>
  ({ symbol: "BTC-USDT", side, type: "limit", price, quantity }) as const;

describe("the orders router", () => {
  const t = useTestApi();

  it("locks a resting buy's cost and taker fee, and releases them exactly on cancel", async () => {
    await t.tradeAt("BTC-USDT", "30000.00");
    const user = await t.trader({ USDT: "1000" });
    const order = await user.caller.orders.place(limit("buy", "30000.00", "0.01"));
    expect(order).toMatchObject({ status: "open", price: "30000.000000", quantity: "0.01000000" });
    // 300 USDT and the 0.2% taker fee it might pay are held.
    expect((await balancesOf(user.caller)).USDT).toEqual({
      available: "699.400000",
      locked: "300.600000",
    });
    expect(await user.caller.orders.get({ orderId: order.id })).toMatchObject({ status: "open" });

    const cancelled = await user.caller.orders.cancel({ orderId: order.id });
    expect(cancelled).toMatchObject({ id: order.id, status: "cancelled" });
    expect((await balancesOf(user.caller)).USDT).toEqual({
      available: "1000.000000",
      locked: "0.000000",
    });
    expect((await user.caller.orders.list({ status: "open" })).items).toEqual([]);
    await expect(user.caller.orders.cancel({ orderId: order.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("refuses an order the balance cannot pay for, fee included, holding nothing and keeping no order", async () => {
    await t.tradeAt("BTC-USDT", "30000.00");
    const user = await t.trader({ USDT: "300.5" });
    // 300 USDT plus a 0.6 USDT fee: a tenth of a dollar short.
    await expect(user.caller.orders.place(limit("buy", "30000.00", "0.01"))).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Insufficient USDT available for this order",
    });
    await expect(user.caller.orders.place(limit("sell", "30000.00", "0.01"))).rejects.toMatchObject(
      { code: "PRECONDITION_FAILED", message: "Insufficient BTC available for this order" },
    );
    expect(await balancesOf(user.caller)).toMatchObject({
      USDT: { available: "300.500000", locked: "0.000000" },
      BTC: { available: "0.00000000", locked: "0.00000000" },
    });
    expect((await user.caller.orders.list({ status: "history" })).items).toEqual([]);
    expect((await user.caller.orders.list({ status: "open" })).items).toEqual([]);
  });

  it("settles a cross to the unit: the maker pays 0.1%, the taker 0.2%, both in the quote", async () => {
    await t.tradeAt("BTC-USDT", "30000.00");
    const maker = await t.trader({ BTC: "1" });
    const taker = await t.trader({ USDT: "1000" });
    const resting = await maker.caller.orders.place(limit("sell", "30000.00", "0.01"));
    const taken = await taker.caller.orders.place(limit("buy", "30000.00", "0.01"));
    expect(taken).toMatchObject({ status: "filled", filledQuantity: "0.01000000" });
    expect(await maker.caller.orders.get({ orderId: resting.id })).toMatchObject({
      status: "filled",
    });

    expect(await balancesOf(taker.caller)).toMatchObject({
      USDT: { available: "699.400000", locked: "0.000000" },
      BTC: { available: "0.01000000", locked: "0.00000000" },
    });
    expect(await balancesOf(maker.caller)).toMatchObject({
      USDT: { available: "299.700000", locked: "0.000000" },
      BTC: { available: "0.99000000", locked: "0.00000000" },
    });
    const fills = await taker.caller.orders.fills({ symbol: "BTC-USDT" });
    expect(fills.items).toEqual([
      expect.objectContaining({ price: "30000.000000", quantity: "0.01000000", fee: "0.600000" }),
    ]);
    // Money moved between accounts and the fee account, none created or lost (DESIGN §5).
    expect((await t.api.checkInvariants()).problems).toEqual([]);
  });
});
