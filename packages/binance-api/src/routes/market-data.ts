import { CANDLE_INTERVALS, CandleIntervalInput } from "@cryptotrade/contract/candles";
import { z } from "zod";
import { weightedAverage, zeroLike } from "../decimals";
import { type EndpointCall, endpoint } from "../endpoint";
import { marketNamed } from "../markets";
import { IntegerParam, LimitParam, NotTakenParam, SymbolParam } from "../params";

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

const Decimal = z.string().meta({ description: "A decimal, as a string.", example: "65000.00" });
const Level = z.tuple([Decimal, Decimal]).meta({ description: "[price, quantity]" });
const Millis = z.number().meta({ description: "Milliseconds since the epoch." });

/** `GET /api/v3/depth`: the book, whose `lastUpdateId` the book stream continues from. */
export const depth = endpoint({
  method: "GET",
  path: "/depth",
  summary: "Order book",
  description:
    "Bids and asks by price level. `lastUpdateId` is the book's sequence: a diff stream's `U`/`u` continue from it.",
  security: "NONE",
  weight: ({ limit }) => depthWeight(limit.asked),
  weightDescription: "By `limit` asked: 5 up to 100, 25 up to 500, 50 up to 1000, 250 above.",
  params: z.object({ symbol: SymbolParam, limit: LimitParam(100, MAX_BOOK_DEPTH) }),
  response: z.object({ lastUpdateId: z.number(), bids: z.array(Level), asks: z.array(Level) }),
  handle: async (c, { symbol, limit }) => {
    const procedures = await c.var.procedures();
    const market = await marketNamed(c, symbol);
    const book = await procedures.market.orderBook({ symbol: market.symbol, depth: limit.served });
    const level = (l: { price: string; quantity: string }): [string, string] => [
      l.price,
      l.quantity,
    ];
    return {
      lastUpdateId: book.sequence,
      bids: book.bids.map(level),
      asks: book.asks.map(level),
    };
  },
});

const RecentTradesParams = z.object({ symbol: SymbolParam, limit: LimitParam(500, MAX_TRADES) });

/** The last trades, oldest first as Binance lists them (the procedure answers newest first). */
async function recentTrades(
  c: EndpointCall,
  { symbol, limit }: z.output<typeof RecentTradesParams>,
) {
  const procedures = await c.var.procedures();
  const market = await marketNamed(c, symbol);
  return (await procedures.market.trades({ symbol: market.symbol, limit: limit.served })).reverse();
}

/** `GET /api/v3/trades`: recent trades. */
export const trades = endpoint({
  method: "GET",
  path: "/trades",
  summary: "Recent trades list",
  security: "NONE",
  weight: 25,
  params: RecentTradesParams,
  response: z.array(
    z.object({
      id: z.number(),
      price: Decimal,
      qty: Decimal,
      quoteQty: Decimal,
      time: Millis,
      isBuyerMaker: z.boolean(),
      isBestMatch: z.boolean(),
    }),
  ),
  handle: async (c, params) =>
    (await recentTrades(c, params)).map((trade) => ({
      id: Number(trade.id),
      price: trade.price,
      qty: trade.quantity,
      quoteQty: trade.quoteQuantity,
      time: trade.time.getTime(),
      isBuyerMaker: trade.takerSide === "sell",
      isBestMatch: true,
    })),
});

const ONE_PER_TRADE = "Each trade is its own aggregate here.";

/** `GET /api/v3/aggTrades`: recent trades as aggregates, one per trade (ccxt's fetchTrades). */
export const aggTrades = endpoint({
  method: "GET",
  path: "/aggTrades",
  summary: "Compressed/Aggregate trades list",
  description:
    "Recent trades as Binance's aggregate trades. The engine fills one maker order per trade, so each aggregate is one trade (`f` = `l` = `a`).",
  security: "NONE",
  weight: 4,
  // The refused ones first: Binance names them before a missing symbol.
  params: z.object({
    fromId: NotTakenParam(ONE_PER_TRADE),
    startTime: NotTakenParam(ONE_PER_TRADE),
    endTime: NotTakenParam(ONE_PER_TRADE),
    ...RecentTradesParams.shape,
  }),
  response: z.array(
    z.object({
      a: z.number().meta({ description: "Aggregate trade id" }),
      p: Decimal.meta({ description: "Price" }),
      q: Decimal.meta({ description: "Quantity" }),
      f: z.number().meta({ description: "First trade id" }),
      l: z.number().meta({ description: "Last trade id" }),
      T: Millis,
      m: z.boolean().meta({ description: "Was the buyer the maker?" }),
      M: z.boolean().meta({ description: "Was the trade the best price match?" }),
    }),
  ),
  handle: async (c, params) =>
    // Each trade is its own aggregate: the engine fills one maker order per trade.
    (await recentTrades(c, params)).map((trade) => ({
      a: Number(trade.id),
      p: trade.price,
      q: trade.quantity,
      f: Number(trade.id),
      l: Number(trade.id),
      T: trade.time.getTime(),
      m: trade.takerSide === "sell",
      M: true,
    })),
});

const Kline = z
  .tuple([
    Millis.meta({ description: "Open time" }),
    Decimal.meta({ description: "Open" }),
    Decimal.meta({ description: "High" }),
    Decimal.meta({ description: "Low" }),
    Decimal.meta({ description: "Close" }),
    Decimal.meta({ description: "Volume" }),
    Millis.meta({ description: "Close time" }),
    Decimal.meta({ description: "Quote asset volume" }),
    z.number().meta({ description: "Number of trades" }),
    Decimal.meta({ description: "Taker buy base asset volume" }),
    Decimal.meta({ description: "Taker buy quote asset volume" }),
    z.string().meta({ description: "Unused field, ignore." }),
  ])
  .meta({ description: "One candle, as Binance's array." });

/** `GET /api/v3/klines`: candles of every interval the exchange keeps. */
export const klines = endpoint({
  method: "GET",
  path: "/klines",
  summary: "Kline/Candlestick data",
  description: "Candles, oldest first, of every interval the exchange keeps.",
  security: "NONE",
  weight: 2,
  params: z.object({
    symbol: SymbolParam,
    interval: CandleIntervalInput.meta({ description: "A candle length.", example: "1h" }),
    startTime: IntegerParam.optional().meta({ description: "Milliseconds since the epoch." }),
    endTime: IntegerParam.optional().meta({ description: "Milliseconds since the epoch." }),
    limit: LimitParam(500, MAX_KLINES),
  }),
  response: z.array(Kline),
  handle: async (c, { symbol, interval, startTime, endTime, limit }) => {
    const procedures = await c.var.procedures();
    const market = await marketNamed(c, symbol);
    const candles = await procedures.market.candles({
      symbol: market.symbol,
      interval,
      limit: limit.served,
      ...(startTime !== undefined ? { from: new Date(startTime) } : {}),
      ...(endTime !== undefined ? { to: new Date(endTime) } : {}),
    });
    const length = CANDLE_INTERVALS[interval] * 1000;
    return candles.map(
      (candle): z.input<typeof Kline> => [
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
      ],
    );
  },
});

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
    const market = await marketNamed(c, symbol);
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
