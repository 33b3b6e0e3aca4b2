import type { MarketFilters } from "@cryptotrade/contract/market-rules";
import type { Database } from "@cryptotrade/db/client";
import { assets, markets } from "@cryptotrade/db/schema";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";

/**
 * A market with the decimals of its two assets, everything the exchange needs to convert units:
 * the contract's filters (the rules an order must meet) plus what only the exchange applies.
 */
export interface MarketInfo extends MarketFilters {
  symbol: string;
  priceBandBps: number;
  makerFeeBps: number;
  takerFeeBps: number;
  status: "trading" | "halted";
}

/** Every market, ordered by symbol. */
export async function loadMarkets(db: Database): Promise<MarketInfo[]> {
  const base = alias(assets, "base");
  const quote = alias(assets, "quote");
  const rows = await db
    .select({ market: markets, baseDecimals: base.decimals, quoteDecimals: quote.decimals })
    .from(markets)
    .innerJoin(base, eq(base.symbol, markets.baseAsset))
    .innerJoin(quote, eq(quote.symbol, markets.quoteAsset))
    .orderBy(markets.symbol);
  return rows.map(({ market, baseDecimals, quoteDecimals }) => ({
    symbol: market.symbol,
    baseAsset: market.baseAsset,
    quoteAsset: market.quoteAsset,
    baseDecimals,
    quoteDecimals,
    tickSize: market.tickSize,
    lotSize: market.lotSize,
    minQuantity: market.minQuantity,
    maxQuantity: market.maxQuantity,
    minNotional: market.minNotional,
    maxPrice: market.maxPrice,
    priceBandBps: market.priceBandBps,
    makerFeeBps: market.makerFeeBps,
    takerFeeBps: market.takerFeeBps,
    status: market.status,
  }));
}
