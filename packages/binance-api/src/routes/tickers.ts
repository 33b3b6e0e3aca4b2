import { Hono } from "hono";
import type { BinanceEnv, Procedures } from "../binance-api";
import { weightedAverage, zeroLike } from "../decimals";
import { type MarketView, marketsNamed } from "../markets";
import { symbolsParam } from "../params";
import { toBinanceSymbol } from "../symbols";

const DAY_MS = 86_400_000;

/** Binance weighs ticker/24hr by how many markets it covers. */
function dayTickerWeight(named: ReturnType<typeof symbolsParam>): number {
  if ("one" in named) return 2;
  if ("all" in named) return 80;
  if (named.some.length <= 20) return 2;
  return named.some.length <= 100 ? 40 : 80;
}

/** The other two weigh 2 for one market and 4 for more. */
const oneOrMoreWeight = (named: ReturnType<typeof symbolsParam>) => ("one" in named ? 2 : 4);

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
 * The tickers: rolling 24-hour statistics (`market.ticker` with the top of the book and the
 * last trade), the last price, and the best bid and ask. One market by `symbol` answers an
 * object; `symbols` or none answers an array, as on Binance.
 */
export function tickerRoutes() {
  const app = new Hono<BinanceEnv>();
  const serve = <T>(
    path: string,
    weightOf: (named: ReturnType<typeof symbolsParam>) => number,
    answer: (procedures: Procedures, market: MarketView) => Promise<T>,
  ) =>
    app.get(path, async (c) => {
      const named = symbolsParam(c);
      await c.var.spendWeight(weightOf(named));
      const procedures = await c.var.procedures();
      const markets = await marketsNamed(procedures, named);
      const answers = await Promise.all(markets.map((market) => answer(procedures, market)));
      return c.json("one" in named ? answers[0] : answers);
    });

  serve("/ticker/24hr", dayTickerWeight, dayTicker);
  serve("/ticker/price", oneOrMoreWeight, async (procedures, market) => {
    const [last] = await procedures.market.trades({ symbol: market.symbol, limit: 1 });
    return {
      symbol: toBinanceSymbol(market.symbol),
      price: last?.price ?? zeroLike(market.tickSize),
    };
  });
  serve("/ticker/bookTicker", oneOrMoreWeight, async (procedures, market) => ({
    symbol: toBinanceSymbol(market.symbol),
    ...(await bookTop(procedures, market)),
  }));
  return app;
}
