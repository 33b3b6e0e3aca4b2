/** What a trader narrowed the markets list to. */
export interface MarketFilter {
  /** Typed into "Search markets"; matches the symbol or either asset, any case, "/" or "-". */
  query: string;
  /** Only the markets starred in this browser. */
  favouritesOnly: boolean;
}

/**
 * Whether a market passes the filter. "btc", "BTC-US", "btc/usdt" and "usdt" all find BTC-USDT.
 *
 * @example
 * matchesMarketFilter({ symbol: "BTC-USDT", ... }, { query: "btc", favouritesOnly: false }, favourites);
 */
export function matchesMarketFilter(
  market: { symbol: string; baseAsset: string; quoteAsset: string },
  filter: MarketFilter,
  favourites: ReadonlySet<string>,
): boolean {
  if (filter.favouritesOnly && !favourites.has(market.symbol)) return false;
  const query = normalise(filter.query);
  if (query === "") return true;
  return [market.symbol, `${market.baseAsset}${market.quoteAsset}`]
    .map(normalise)
    .some((candidate) => candidate.includes(query));
}

/** Upper case without separators or spaces, so "btc/usdt" and "BTC-USDT" compare equal. */
function normalise(text: string): string {
  return text.toUpperCase().replace(/[\s/_-]+/g, "");
}
