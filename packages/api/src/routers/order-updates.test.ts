import type { StreamMessage } from "@cryptotrade/exchange";
import { describe, expect, it } from "vitest";
import type { Caller } from "../testing/test-api";
import { useTestApi } from "../testing/use-test-api";

type OrderMessage = Extract<StreamMessage, { kind: "order" }>;

const limit = (side: "buy" | "sell", price: string, quantity: string) =>
  ({ symbol: "BTC-USDT", side, type: "limit", price, quantity }) as const;

/**
 * Follows a caller's `orders.onUpdate`. The first message is asked for at once, so the
 * subscription listens before the test trades; `close` ends it.
 */
async function follow(caller: Caller) {
  const live = (await caller.orders.onUpdate()) as AsyncIterable<[string, OrderMessage]>;
  const heard = live[Symbol.asyncIterator]();
  let pending = heard.next();
  return {
    async next(): Promise<OrderMessage> {
      const { value } = await pending;
      pending = heard.next();
      if (!value) throw new Error("the subscription ended");
      return value[1];
    },
    close: () => void heard.return?.(undefined),
  };
}

describe("orders.onUpdate", () => {
  const t = useTestApi();

  it("carries each fill as orders.fills lists it, to the maker and the taker alike", async () => {
    await t.tradeAt("BTC-USDT", "30000.00");
    const maker = await t.trader({ BTC: "1" });
    const taker = await t.trader({ USDT: "2000" });
    const low = await maker.caller.orders.place(limit("sell", "30000.00", "0.01"));
    const high = await maker.caller.orders.place(limit("sell", "30010.00", "0.02"));
    const makerHears = await follow(maker.caller);
    const takerHears = await follow(taker.caller);
    try {
      // One order takes both asks in one batch: two trades, the cheaper first.
      const taken = await taker.caller.orders.place(limit("buy", "30010.00", "0.03"));

      const takerUpdate = await takerHears.next();
      const takerFills = (await taker.caller.orders.fills({ symbol: "BTC-USDT" })).items;
      expect(takerUpdate.order).toMatchObject({ id: taken.id, status: "filled" });
      expect(takerUpdate.change.fills).toEqual(takerFills);
      expect(takerUpdate.change.fills).toMatchObject([
        {
          orderId: taken.id,
          symbol: "BTC-USDT",
          side: "buy",
          price: "30010.000000",
          quantity: "0.02000000",
          quoteQuantity: "600.200000",
          // The taker pays 0.2% in the quote.
          fee: "1.200400",
          feeAsset: "USDT",
          liquidity: "taker",
        },
        { orderId: taken.id, price: "30000.000000", quantity: "0.01000000", fee: "0.600000" },
      ]);
      expect(takerUpdate.change.fills[0]?.time).toBeInstanceOf(Date);

      const makerFills = (await maker.caller.orders.fills({ symbol: "BTC-USDT" })).items;
      const heardByMaker = [await makerHears.next(), await makerHears.next()];
      const makerUpdates = heardByMaker.filter((message) => message.change.fills.length > 0);
      expect(makerUpdates.map((message) => message.order.id).sort()).toEqual(
        [low.id, high.id].sort(),
      );
      // Each resting order hears only its own trade, from the maker's side.
      const fillsOf = (orderId: string) =>
        makerUpdates.find((message) => message.order.id === orderId)?.change.fills;
      expect(fillsOf(low.id)).toEqual(makerFills.filter((fill) => fill.orderId === low.id));
      expect(fillsOf(high.id)).toEqual(makerFills.filter((fill) => fill.orderId === high.id));
      expect(fillsOf(low.id)).toMatchObject([
        { side: "sell", liquidity: "maker", fee: "0.300000", feeAsset: "USDT" },
      ]);
      // The trade is the same on both sides: one id, seen from each.
      expect(new Set(makerFills.map((fill) => fill.id))).toEqual(
        new Set(takerFills.map((fill) => fill.id)),
      );
    } finally {
      makerHears.close();
      takerHears.close();
    }
  });

  it("never tells a trader of another trader's fills", async () => {
    await t.tradeAt("BTC-USDT", "30000.00");
    const maker = await t.trader({ BTC: "1" });
    const taker = await t.trader({ USDT: "1000" });
    const bystander = await t.trader({ USDT: "1000" });
    const bystanderHears = await follow(bystander.caller);
    try {
      await maker.caller.orders.place(limit("sell", "30000.00", "0.01"));
      await taker.caller.orders.place(limit("buy", "30000.00", "0.01"));
      // The stream keeps its order: had the others' updates reached the bystander, they would
      // come before its own.
      const own = await bystander.caller.orders.place(limit("buy", "29000.00", "0.01"));
      const first = await bystanderHears.next();
      expect(first.order.id).toBe(own.id);
      expect(first.change.fills).toEqual([]);
    } finally {
      bystanderHears.close();
    }
  });

  it("says an order that rested without trading filled nothing", async () => {
    await t.tradeAt("BTC-USDT", "30000.00");
    const trader = await t.trader({ USDT: "1000" });
    const hears = await follow(trader.caller);
    try {
      const order = await trader.caller.orders.place(limit("buy", "29000.00", "0.01"));
      expect(await hears.next()).toMatchObject({
        order: { id: order.id, status: "open" },
        change: { filledQuantity: "0.00000000", filledQuote: "0.000000", fills: [] },
      });
    } finally {
      hears.close();
    }
  });
});
