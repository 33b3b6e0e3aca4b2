import { loadMarkets } from "@cryptotrade/exchange";
import { decimalsOfStep, formatDecimal } from "@cryptotrade/exchange/money";
import { publicProcedure, router } from "../trpc";

export const marketRouter = router({
  /** Every market with its trading rules; sizes are decimal strings. */
  list: publicProcedure.query(async ({ ctx }) => {
    const markets = await loadMarkets(ctx.db);
    return markets.map((m) => ({
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
      makerFee: formatDecimal(BigInt(m.makerFeeBps), 4),
      takerFee: formatDecimal(BigInt(m.takerFeeBps), 4),
      priceBand: formatDecimal(BigInt(m.priceBandBps), 4),
    }));
  }),
});
