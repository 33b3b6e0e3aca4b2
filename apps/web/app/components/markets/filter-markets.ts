/** What a trader narrowed the markets list to. */
export interface MarketFilter {
  /**
   * Typed into "Search markets"; matches the symbol or either asset, any case, "/" or "-", or
   * the start of a word of either asset's name ("bitcoin", "ether").
   */
  query: string;
  /** Only the markets starred in this browser. */
  favouritesOnly: boolean;
}

/** Each asset's name by its symbol ("BTC" → "Bitcoin"), as `market.assets` lists them. */
export type AssetNames = Readonly<Record<string, string>>;

/**
 * Whether a market passes the filter. "btc", "BTC-US", "btc/usdt", "usdt" and "bitcoin" all find
 * BTC-USDT. Names match from the start of a word, so "ether" finds Ether but not Tether USD.
 *
 * @example
 * matchesMarketFilter(btcUsdt, { query: "bitcoin", favouritesOnly: false }, favourites, { BTC: "Bitcoin" }); // true
 */
export function matchesMarketFilter(
  market: { symbol: string; baseAsset: string; quoteAsset: string },
  filter: MarketFilter,
  favourites: ReadonlySet<string>,
  assetNames: AssetNames = {},
): boolean {
  if (filter.favouritesOnly && !favourites.has(market.symbol)) return false;
  const query = normalise(filter.query);
  if (query === "") return true;
  const bySymbol = [market.symbol, `${market.baseAsset}${market.quoteAsset}`]
    .map(normalise)
    .some((candidate) => candidate.includes(query));
  return (
    bySymbol ||
    [market.baseAsset, market.quoteAsset].some((asset) =>
      nameMatches(assetNames[asset], filter.query),
    )
  );
}

/** Whether the name, from the start of one of its words, begins with the query ("ether usd"). */
function nameMatches(name: string | undefined, query: string): boolean {
  if (name === undefined) return false;
  const wanted = query.trim().toLowerCase().replace(/\s+/g, " ");
  const words = name.toLowerCase().split(/\s+/);
  return words.some((_, index) => words.slice(index).join(" ").startsWith(wanted));
}

/** Upper case without separators or spaces, so "btc/usdt" and "BTC-USDT" compare equal. */
function normalise(text: string): string {
  return text.toUpperCase().replace(/[\s/_-]+/g, "");
}
