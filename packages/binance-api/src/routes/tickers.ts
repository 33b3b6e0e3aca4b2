import { z } from "zod";
import type { Procedures } from "../binance-api";
import { weightedAverage, zeroLike } from "../decimals";
import { type EndpointCall, endpoint } from "../endpoint";
import { type MarketView, marketsNamed } from "../markets";
import { type MarketsNamed, MarketsParams } from "../params";
import { toBinanceSymbol } from "../symbols";

const DAY_MS = 86_400_000;

/** Binance weighs ticker/24hr by how many markets it covers. */
function dayTickerWeight(named: MarketsNamed): number {
  if ("one" in named) return 2;
  if ("all" in named) return 80;
  if (named.some.length <= 20) return 2;
  return named.some.length <= 100 ? 40 : 80;
}

/** The other two weigh 2 for one market and 4 for more. */
const oneOrMoreWeight = (named: MarketsNamed) => ("one" in named ? 2 : 4);

/** Best bid and ask with their quantities; an empty side is zero, as Binance writes it. */
async function bookTop(procedures: Procedures, market: MarketView) {
  const book = await procedures.market.orderBook({ symbol: market.symbol, depth: 1 });
  const zeroPrice = zeroLike(market.tickSize);
  const zeroQty = zeroLike(market.lotSize);
  const [bid, ask] = [book.bids[0], book.asks[0]];
  return {
    bidPrice: bid?.price ?? zeroPrice,
    bidQty: bid?.quantity ?? zeroQty,
    askPrice: ask?.price ?? zeroPrice,
    askQty: ask?.quantity ?? zeroQty,
  };
}

async function dayTicker(procedures: Procedures, market: MarketView) {
  const closeTime = Date.now();
  const [ticker, top, [last]] = await Promise.all([
    procedures.market.ticker({ symbol: market.symbol }),
    bookTop(procedures, market),
    procedures.market.trades({ symbol: market.symbol, limit: 1 }),
  ]);
  const zeroPrice = zeroLike(market.tickSize);
  const price = (value: string | null) => value ?? zeroPrice;
  return {
    symbol: toBinanceSymbol(market.symbol),
    priceChange: price(ticker.change),
    priceChangePercent: ticker.changePercent ?? "0.00",
    weightedAvgPrice: weightedAverage([ticker.quoteVolume], [ticker.volume]) ?? zeroPrice,
    lastPrice: price(ticker.last),
    lastQty: last?.quantity ?? zeroLike(market.lotSize),
    ...top,
    openPrice: price(ticker.open),
    highPrice: price(ticker.high),
    lowPrice: price(ticker.low),
    volume: ticker.volume,
    quoteVolume: ticker.quoteVolume,
    openTime: closeTime - DAY_MS,
    closeTime,
    count: ticker.trades,
  };
}

/**
 * One market by `symbol` answers an object; `symbols` or none answers an array, as on Binance.
 */
async function eachMarket<T>(
  c: EndpointCall,
  named: MarketsNamed,
  answer: (procedures: Procedures, market: MarketView) => Promise<T>,
): Promise<T | T[]> {
  const procedures = await c.var.procedures();
  const markets = await marketsNamed(procedures, named);
  const answers = await Promise.all(markets.map((market) => answer(procedures, market)));
  return "one" in named && answers[0] !== undefined ? answers[0] : answers;
}

/** An object for one market (`symbol`), an array of them otherwise. */
const oneOrMany = <T extends z.ZodType>(schema: T) => z.union([schema, z.array(schema)]);

const Decimal = z.string().meta({ description: "A decimal, as a string." });
const MarketSymbol = z.string().meta({ example: "BTCUSDT" });

const BookTop = z.object({
  symbol: MarketSymbol,
  bidPrice: Decimal,
  bidQty: Decimal,
  askPrice: Decimal,
  askQty: Decimal,
});

const SAME_MARKETS =
  "One market by `symbol` answers an object; `symbols` (a JSON array) or neither (every market) answers an array.";

/** `GET /api/v3/ticker/24hr`: rolling 24-hour statistics with the top of the book. */
export const dayTickers = endpoint({
  method: "GET",
  path: "/ticker/24hr",
  summary: "24hr ticker price change statistics",
  description: `Rolling 24-hour statistics, the last trade and the best bid and ask. ${SAME_MARKETS}`,
  security: "NONE",
  weight: dayTickerWeight,
  weightDescription:
    "2 for one market or up to 20 `symbols`, 40 up to 100, 80 for more or every market.",
  params: MarketsParams,
  response: oneOrMany(
    BookTop.extend({
      priceChange: Decimal,
      priceChangePercent: Decimal,
      weightedAvgPrice: Decimal,
      lastPrice: Decimal,
      lastQty: Decimal,
      openPrice: Decimal,
      highPrice: Decimal,
      lowPrice: Decimal,
      volume: Decimal,
      quoteVolume: Decimal,
      openTime: z.number(),
      closeTime: z.number(),
      count: z.number(),
    }),
  ),
  handle: (c, named) => eachMarket(c, named, dayTicker),
});

/** `GET /api/v3/ticker/price`: the last price. */
export const priceTickers = endpoint({
  method: "GET",
  path: "/ticker/price",
  summary: "Symbol price ticker",
  description: `The last trade's price. ${SAME_MARKETS}`,
  security: "NONE",
  weight: oneOrMoreWeight,
  weightDescription: "2 for one market (`symbol`), 4 otherwise.",
  params: MarketsParams,
  response: oneOrMany(z.object({ symbol: MarketSymbol, price: Decimal })),
  handle: (c, named) =>
    eachMarket(c, named, async (procedures, market) => {
      const [last] = await procedures.market.trades({ symbol: market.symbol, limit: 1 });
      return {
        symbol: toBinanceSymbol(market.symbol),
        price: last?.price ?? zeroLike(market.tickSize),
      };
    }),
});

/** `GET /api/v3/ticker/bookTicker`: the best bid and ask. */
export const bookTickers = endpoint({
  method: "GET",
  path: "/ticker/bookTicker",
  summary: "Symbol order book ticker",
  description: `The best bid and ask with their quantities (zero for an empty side). ${SAME_MARKETS}`,
  security: "NONE",
  weight: oneOrMoreWeight,
  weightDescription: "2 for one market (`symbol`), 4 otherwise.",
  params: MarketsParams,
  response: oneOrMany(BookTop),
  handle: (c, named) =>
    eachMarket(c, named, async (procedures, market) => ({
      symbol: toBinanceSymbol(market.symbol),
      ...(await bookTop(procedures, market)),
    })),
});
