import { describe, expect, it } from "vitest";
import { rejectionOf, useTradingServer } from "./testing/trading";

const limit = (symbol: string, side: "buy" | "sell", price: string, quantity: string) =>
  ({ symbol, side, type: "limit", price, quantity }) as const;

describe("market data through the API", () => {
  const t = useTradingServer();

  it("lists the four markets with their rules as decimal strings", async () => {
    const markets = await t.server.client().market.list.query();
    expect(markets.map((m) => m.symbol)).toEqual(["BTC-USDT", "ETH-BTC", "ETH-USDT", "SOL-USDT"]);
    expect(markets[0]).toEqual({
      symbol: "BTC-USDT",
      baseAsset: "BTC",
      quoteAsset: "USDT",
      status: "trading",
      tickSize: "0.010000",
      lotSize: "0.00010000",
      minQuantity: "0.00010000",
      maxQuantity: "1000.00000000",
      minNotional: "5.000000",
      maxPrice: "1000000.000000",
      priceDecimals: 2,
      quantityDecimals: 4,
      makerFee: "0.0010",
      takerFee: "0.0020",
      priceBand: "0.2000",
    });
    expect(markets.find((m) => m.symbol === "ETH-BTC")).toMatchObject({
      tickSize: "0.00001000",
      lotSize: "0.00100000",
      minNotional: "0.00010000",
      priceDecimals: 5,
      quantityDecimals: 3,
    });
    expect(markets.find((m) => m.symbol === "SOL-USDT")).toMatchObject({
      tickSize: "0.001000",
      lotSize: "0.010000000",
      priceDecimals: 3,
      quantityDecimals: 2,
    });
  });

  it("aggregates the book into levels, best first, with a rising sequence", async () => {
    const maker = await t.trader({ ETH: "10", USDT: "100000" });
    const other = await t.trader({ ETH: "10", USDT: "100000" });
    const book = () => t.server.client().market.orderBook.query({ symbol: "ETH-USDT" });
    const start = await book();
    expect(start).toMatchObject({ symbol: "ETH-USDT", bids: [], asks: [] });

    await maker.client.orders.place.mutate(limit("ETH-USDT", "buy", "1990.00", "0.5"));
    const afterOne = await book();
    expect(afterOne.sequence).toBeGreaterThan(start.sequence);
    await other.client.orders.place.mutate(limit("ETH-USDT", "buy", "1990.00", "0.25"));
    await other.client.orders.place.mutate(limit("ETH-USDT", "buy", "1980.50", "1"));
    await maker.client.orders.place.mutate(limit("ETH-USDT", "sell", "2020.00", "2"));
    await other.client.orders.place.mutate(limit("ETH-USDT", "sell", "2010.00", "0.1"));
    const full = await book();
    expect(full.sequence).toBeGreaterThan(afterOne.sequence);
    expect(full.bids).toEqual([
      { price: "1990.000000", quantity: "0.75000000" },
      { price: "1980.500000", quantity: "1.00000000" },
    ]);
    expect(full.asks).toEqual([
      { price: "2010.000000", quantity: "0.10000000" },
      { price: "2020.000000", quantity: "2.00000000" },
    ]);
    const top = await t.server.client().market.orderBook.query({ symbol: "ETH-USDT", depth: 1 });
    expect([top.bids.length, top.asks.length]).toEqual([1, 1]);

    // A trade takes from the best ask; a cancel removes a level.
    await maker.client.orders.place.mutate(limit("ETH-USDT", "buy", "2010.00", "0.04"));
    await maker.client.orders.cancelAll.mutate({ symbol: "ETH-USDT" });
    const after = await book();
    expect(after.sequence).toBeGreaterThan(full.sequence);
    expect(after.bids).toEqual([
      { price: "1990.000000", quantity: "0.25000000" },
      { price: "1980.500000", quantity: "1.00000000" },
    ]);
    expect(after.asks).toEqual([{ price: "2010.000000", quantity: "0.06000000" }]);
  });

  it("reports trades newest first, tickers and the forming 1m candle", async () => {
    const seller = await t.trader({ SOL: "100" });
    const buyer = await t.trader({ USDT: "100000" });
    // Prices of SOL-USDT, each traded for 1 SOL; the taker is the buyer each time.
    const prices = ["100.000", "103.500", "98.250", "101.125"];
    for (const price of prices) {
      await seller.client.orders.place.mutate(limit("SOL-USDT", "sell", price, "1"));
      await buyer.client.orders.place.mutate(limit("SOL-USDT", "buy", price, "1"));
    }
    await seller.client.orders.place.mutate(limit("SOL-USDT", "sell", "102.000", "1"));
    await buyer.client.orders.place.mutate(limit("SOL-USDT", "buy", "99.000", "2"));

    const anonymous = t.server.client();
    const trades = await anonymous.market.trades.query({ symbol: "SOL-USDT", limit: 10 });
    expect(trades.map((x) => x.price)).toEqual([
      "101.125000",
      "98.250000",
      "103.500000",
      "100.000000",
    ]);
    expect(trades[0]).toEqual({
      id: expect.any(String),
      symbol: "SOL-USDT",
      price: "101.125000",
      quantity: "1.000000000",
      quoteQuantity: "101.125000",
      takerSide: "buy",
      time: expect.any(Date),
    });

    const ticker = await anonymous.market.ticker.query({ symbol: "SOL-USDT" });
    expect(ticker).toEqual({
      symbol: "SOL-USDT",
      open: "100.000000",
      high: "103.500000",
      low: "98.250000",
      last: "101.125000",
      bestBid: "99.000000",
      bestAsk: "102.000000",
      change: "1.125000",
      changePercent: "1.12",
      volume: "4.000000000",
      quoteVolume: "402.875000",
      trades: 4,
    });
    const tickers = await anonymous.market.tickers.query();
    expect(tickers.map((x) => x.symbol)).toEqual(["BTC-USDT", "ETH-BTC", "ETH-USDT", "SOL-USDT"]);
    expect(tickers[3]).toEqual(ticker);
    expect(tickers.find((x) => x.symbol === "ETH-BTC")).toMatchObject({
      last: null,
      open: null,
      volume: "0.00000000",
      trades: 0,
    });

    // The trades may straddle a minute: build the expected candles from them.
    const minute = (time: Date) => Math.floor(time.getTime() / 60_000) * 60_000;
    const expected = new Map<number, { open: string; high: string; low: string; close: string }>();
    for (const trade of [...trades].reverse()) {
      const bucket = expected.get(minute(trade.time));
      const p = trade.price;
      if (!bucket) expected.set(minute(trade.time), { open: p, high: p, low: p, close: p });
      else {
        if (Number(p) > Number(bucket.high)) bucket.high = p;
        if (Number(p) < Number(bucket.low)) bucket.low = p;
        bucket.close = p;
      }
    }
    const candles = await anonymous.market.candles.query({ symbol: "SOL-USDT", interval: "1m" });
    expect(
      candles.map((c) => ({ open: c.open, high: c.high, low: c.low, close: c.close })),
    ).toEqual([...expected.values()]);
    expect(candles.map((c) => c.time.getTime())).toEqual([...expected.keys()]);
    const forming = candles.at(-1);
    expect(forming?.close).toBe("101.125000");
    expect(forming?.time.getTime()).toBe(minute(trades[0]?.time ?? new Date(0)));
    const total = candles.reduce((sum, c) => sum + Number(c.volume), 0);
    expect(total).toBe(4);
  });

  it("answers an unknown market with NOT_FOUND and a bad interval with BAD_REQUEST", async () => {
    const anonymous = t.server.client();
    expect(await rejectionOf(anonymous.market.ticker.query({ symbol: "DOGE-USDT" }))).toEqual({
      code: "NOT_FOUND",
      message: "There is no market DOGE-USDT",
    });
    expect(
      (await rejectionOf(anonymous.market.orderBook.query({ symbol: "DOGE-USDT" }))).code,
    ).toBe("NOT_FOUND");
    const badInterval = await rejectionOf(
      anonymous.market.candles.query({ symbol: "SOL-USDT", interval: "2m" as "1m" }),
    );
    expect(badInterval.code).toBe("BAD_REQUEST");
    expect(badInterval.message).toMatch(/^interval: /);
    const deep = await rejectionOf(
      anonymous.market.orderBook.query({ symbol: "SOL-USDT", depth: 501 }),
    );
    expect(deep.code).toBe("BAD_REQUEST");
    expect(deep.message).toMatch(/^depth: /);
  });
});
