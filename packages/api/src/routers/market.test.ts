import { describe, expect, it } from "vitest";
import { useTestApi } from "../testing/use-test-api";

const limit = (side: "buy" | "sell", price: string, quantity: string) =>
  ({ symbol: "ETH-USDT", side, type: "limit", price, quantity }) as const;

describe("the market router", () => {
  const t = useTestApi();

  it("answers anyone with the markets and the assets' withdrawal rules", async () => {
    const anyone = t.anonymous();
    expect((await anyone.market.list()).map((m) => m.symbol)).toEqual([
      "BTC-USDT",
      "ETH-BTC",
      "ETH-USDT",
      "SOL-USDT",
    ]);
    expect(await anyone.market.assets()).toContainEqual({
      symbol: "BTC",
      name: "Bitcoin",
      decimals: 8,
      withdrawalMin: "0.00010000",
      withdrawalFee: "0.00002000",
    });
    await expect(anyone.market.ticker({ symbol: "DOGE-USDT" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("shows resting orders in the book and ticker, and a trade in the tape", async () => {
    const anyone = t.anonymous();
    const maker = await t.trader({ ETH: "10", USDT: "10000" });
    const taker = await t.trader({ USDT: "10000" });
    const before = await anyone.market.orderBook({ symbol: "ETH-USDT" });
    await maker.caller.orders.place(limit("buy", "1990.00", "0.5"));
    await maker.caller.orders.place(limit("sell", "2010.00", "1"));

    const book = await anyone.market.orderBook({ symbol: "ETH-USDT" });
    expect(book.sequence).toBeGreaterThan(before.sequence);
    expect(book.bids).toEqual([{ price: "1990.000000", quantity: "0.50000000" }]);
    expect(book.asks).toEqual([{ price: "2010.000000", quantity: "1.00000000" }]);
    expect(await anyone.market.ticker({ symbol: "ETH-USDT" })).toMatchObject({
      bestBid: "1990.000000",
      bestAsk: "2010.000000",
      last: null,
      trades: 0,
    });

    await taker.caller.orders.place(limit("buy", "2010.00", "0.25"));
    expect((await anyone.market.orderBook({ symbol: "ETH-USDT" })).asks).toEqual([
      { price: "2010.000000", quantity: "0.75000000" },
    ]);
    expect(await anyone.market.ticker({ symbol: "ETH-USDT" })).toMatchObject({
      last: "2010.000000",
      volume: "0.25000000",
      quoteVolume: "502.500000",
      trades: 1,
    });
    expect(await anyone.market.trades({ symbol: "ETH-USDT" })).toEqual([
      expect.objectContaining({ price: "2010.000000", quantity: "0.25000000", takerSide: "buy" }),
    ]);
  });
});
