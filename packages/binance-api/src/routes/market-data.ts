import { CANDLE_INTERVALS, isCandleInterval } from "@cryptotrade/contract/candles";
import { type Context, Hono } from "hono";
import { z } from "zod";
import type { BinanceEnv } from "../binance-api";
import { BinanceError } from "../binance-errors";
import { weightedAverage, zeroLike } from "../decimals";
import { endpoint } from "../endpoint";
import { marketNamed } from "../markets";
import { integerParam, requiredParam, SymbolParam, symbolParam } from "../params";

/** The most the procedures return at once; Binance's larger limits are cut to these. */
const MAX_BOOK_DEPTH = 500;
const MAX_TRADES = 500;
const MAX_KLINES = 1000;

/** Binance weighs a book by how deep it is. */
function depthWeight(limit: number): number {
  if (limit <= 100) return 5;
  if (limit <= 500) return 25;
  if (limit <= 1000) return 50;
  return 250;
}

/** A positive `limit`, Binance's default when absent, cut to what the procedure serves. */
function limitParam(c: Context, byDefault: number, max: number) {
  const limit = integerParam(c, "limit") ?? byDefault;
  if (limit < 1) {
    throw new BinanceError(
      -1102,
      "Mandatory parameter 'limit' was not sent, was empty/null, or malformed.",
    );
  }
  return { asked: limit, served: Math.min(limit, max) };
}

/**
 * Public market data through the `market` procedures: the book (its `lastUpdateId` is the
 * sequence the book stream continues from), recent trades (also as aggregate trades, one per
 * trade, which is what ccxt's fetchTrades reads), klines and the 5-minute average price.
 */
export function marketDataRoutes() {
  const app = new Hono<BinanceEnv>();

  app.get("/depth", async (c) => {
    const symbol = symbolParam(c);
    const limit = limitParam(c, 100, MAX_BOOK_DEPTH);
    await c.var.spendWeight(depthWeight(limit.asked));
    const procedures = await c.var.procedures();
    const market = await marketNamed(procedures, symbol);
    const book = await procedures.market.orderBook({ symbol: market.symbol, depth: limit.served });
    const level = (l: { price: string; quantity: string }) => [l.price, l.quantity];
    return c.json({
      lastUpdateId: book.sequence,
      bids: book.bids.map(level),
      asks: book.asks.map(level),
    });
  });

  const recentTrades = async (c: Context<BinanceEnv>, weight: number) => {
    const symbol = symbolParam(c);
    const limit = limitParam(c, 500, MAX_TRADES);
    await c.var.spendWeight(weight);
    const procedures = await c.var.procedures();
    const market = await marketNamed(procedures, symbol);
    // Newest first from the procedure; Binance lists them oldest first.
    return (
      await procedures.market.trades({ symbol: market.symbol, limit: limit.served })
    ).reverse();
  };

  app.get("/trades", async (c) => {
    const trades = await recentTrades(c, 25);
    return c.json(
      trades.map((trade) => ({
        id: Number(trade.id),
        price: trade.price,
        qty: trade.quantity,
        quoteQty: trade.quoteQuantity,
        time: trade.time.getTime(),
        isBuyerMaker: trade.takerSide === "sell",
        isBestMatch: true,
      })),
    );
  });

  app.get("/aggTrades", async (c) => {
    for (const name of ["fromId", "startTime", "endTime"]) {
      if (c.req.query(name) !== undefined) {
        throw new BinanceError(-1106, `Parameter '${name}' sent when not required.`);
      }
    }
    const trades = await recentTrades(c, 4);
    // Each trade is its own aggregate: the engine fills one maker order per trade.
    return c.json(
      trades.map((trade) => ({
        a: Number(trade.id),
        p: trade.price,
        q: trade.quantity,
        f: Number(trade.id),
        l: Number(trade.id),
        T: trade.time.getTime(),
        m: trade.takerSide === "sell",
        M: true,
      })),
    );
  });

  app.get("/klines", async (c) => {
    const symbol = symbolParam(c);
    const interval = requiredParam(c, "interval");
    if (!isCandleInterval(interval)) throw new BinanceError(-1120, "Invalid interval.");
    const startTime = integerParam(c, "startTime");
    const endTime = integerParam(c, "endTime");
    const limit = limitParam(c, 500, MAX_KLINES);
    await c.var.spendWeight(2);
    const procedures = await c.var.procedures();
    const market = await marketNamed(procedures, symbol);
    const candles = await procedures.market.candles({
      symbol: market.symbol,
      interval,
      limit: limit.served,
      ...(startTime !== undefined ? { from: new Date(startTime) } : {}),
      ...(endTime !== undefined ? { to: new Date(endTime) } : {}),
    });
    const length = CANDLE_INTERVALS[interval] * 1000;
    return c.json(
      candles.map((candle) => [
        candle.time.getTime(),
        candle.open,
        candle.high,
        candle.low,
        candle.close,
        candle.volume,
        candle.time.getTime() + length - 1,
        candle.quoteVolume,
        candle.trades,
        candle.takerBuyVolume,
        candle.takerBuyQuoteVolume,
        "0",
      ]),
    );
  });

  return app;
}

/** `GET /api/v3/avgPrice`: the volume-weighted price of the last five minutes. */
export const avgPrice = endpoint({
  method: "GET",
  path: "/avgPrice",
  summary: "Current average price",
  description:
    "The volume-weighted average price of the last five minutes; the last trade's price when nothing traded in them.",
  security: "NONE",
  weight: 2,
  params: z.object({ symbol: SymbolParam }),
  response: z.object({ mins: z.number(), price: z.string(), closeTime: z.number().optional() }),
  handle: async (c, { symbol }) => {
    const procedures = await c.var.procedures();
    const market = await marketNamed(procedures, symbol);
    const mins = 5;
    const [candles, [last]] = await Promise.all([
      procedures.market.candles({
        symbol: market.symbol,
        interval: "1m",
        limit: mins + 1,
        from: new Date(Date.now() - mins * 60_000),
      }),
      procedures.market.trades({ symbol: market.symbol, limit: 1 }),
    ]);
    const average = weightedAverage(
      candles.map((candle) => candle.quoteVolume),
      candles.map((candle) => candle.volume),
    );
    // Nothing traded in the window: the last trade's price, as the filters use it.
    const price = average ?? last?.price ?? zeroLike(market.tickSize);
    return { mins, price, ...(last ? { closeTime: last.time.getTime() } : {}) };
  },
});
