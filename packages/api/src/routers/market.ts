import { CandleIntervalInput } from "@cryptotrade/contract/candles";
import { MarketSymbol } from "@cryptotrade/contract/inputs";
import { decimalsOfStep, formatDecimal } from "@cryptotrade/contract/money";
import { type MarketInfo, queries, views } from "@cryptotrade/exchange";
import { z } from "zod";
import { publicProcedure, router } from "../trpc";
import { marketStreams } from "./market-streams";
import { tickerOf } from "./ticker";

const bps = (value: number) => formatDecimal(BigInt(value), 4);

function toMarketView(m: MarketInfo) {
  return {
    symbol: m.symbol,
    baseAsset: m.baseAsset,
    quoteAsset: m.quoteAsset,
    status: m.status,
    tickSize: formatDecimal(m.tickSize, m.quoteDecimals),
    lotSize: formatDecimal(m.lotSize, m.baseDecimals),
    minQuantity: formatDecimal(m.minQuantity, m.baseDecimals),
    maxQuantity: formatDecimal(m.maxQuantity, m.baseDecimals),
    minNotional: formatDecimal(m.minNotional, m.quoteDecimals),
    maxPrice: formatDecimal(m.maxPrice, m.quoteDecimals),
    priceDecimals: decimalsOfStep(m.tickSize, m.quoteDecimals),
    quantityDecimals: decimalsOfStep(m.lotSize, m.baseDecimals),
    makerFee: bps(m.makerFeeBps),
    takerFee: bps(m.takerFeeBps),
    priceBand: bps(m.priceBandBps),
  };
}

export const marketRouter = router({
  ...marketStreams,

  /** Every asset with its withdrawal rules: `withdrawalMin` and the `withdrawalFee` paid on top. */
  assets: publicProcedure.query(async ({ ctx }) =>
    (await queries.listAssets(ctx.db)).map((asset) => ({
      symbol: asset.symbol,
      name: asset.name,
      decimals: asset.decimals,
      withdrawalMin: formatDecimal(asset.withdrawalMin, asset.decimals),
      withdrawalFee: formatDecimal(asset.withdrawalFee, asset.decimals),
    })),
  ),

  /** Every market with its trading rules; sizes are decimal strings. */
  list: publicProcedure.query(({ ctx }) => ctx.exchange.markets().map(toMarketView)),

  /** Rolling 24-hour statistics of one market. */
  ticker: publicProcedure
    .input(z.strictObject({ symbol: MarketSymbol }))
    .query(({ ctx, input }) => tickerOf(ctx, ctx.exchange.requireMarket(input.symbol))),

  tickers: publicProcedure.query(({ ctx }) =>
    Promise.all(ctx.exchange.markets().map((market) => tickerOf(ctx, market))),
  ),

  /** Aggregated levels, best first, with the sequence number the stream continues from. */
  orderBook: publicProcedure
    .input(
      z.strictObject({ symbol: MarketSymbol, depth: z.number().int().min(1).max(500).default(50) }),
    )
    .query(({ ctx, input }) => {
      const market = ctx.exchange.requireMarket(input.symbol);
      const book = ctx.exchange.orderBook(input.symbol, input.depth);
      const level = ([price, quantity]: [bigint, bigint]) => ({
        price: formatDecimal(price, market.quoteDecimals),
        quantity: formatDecimal(quantity, market.baseDecimals),
      });
      return {
        symbol: input.symbol,
        sequence: book.sequence,
        bids: book.bids.map(level),
        asks: book.asks.map(level),
      };
    }),

  trades: publicProcedure
    .input(
      z.strictObject({ symbol: MarketSymbol, limit: z.number().int().min(1).max(500).default(50) }),
    )
    .query(async ({ ctx, input }) => {
      const market = ctx.exchange.requireMarket(input.symbol);
      const rows = await queries.recentTrades(ctx.db, input.symbol, input.limit);
      return rows.map((trade) => views.toPublicTradeView(trade, market));
    }),

  candles: publicProcedure
    .input(
      z.strictObject({
        symbol: MarketSymbol,
        interval: CandleIntervalInput,
        limit: z.number().int().min(1).max(1000).default(200),
        from: z.date().optional(),
        to: z.date().optional(),
      }),
    )
    .query(async ({ ctx, input }) => {
      const market = ctx.exchange.requireMarket(input.symbol);
      const rows = await queries.candles(ctx.db, input.symbol, input.interval, {
        ...input,
        now: new Date(),
      });
      const price = (value: bigint) => formatDecimal(value, market.quoteDecimals);
      return rows.map((c) => ({
        time: c.time,
        open: price(c.open),
        high: price(c.high),
        low: price(c.low),
        close: price(c.close),
        volume: formatDecimal(c.volume, market.baseDecimals),
        quoteVolume: formatDecimal(c.quoteVolume, market.quoteDecimals),
        trades: c.trades,
        takerBuyVolume: formatDecimal(c.takerBuyVolume, market.baseDecimals),
        takerBuyQuoteVolume: formatDecimal(c.takerBuyQuoteVolume, market.quoteDecimals),
      }));
    }),
});
