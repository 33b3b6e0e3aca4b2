import type { RouterOutputs } from "@cryptotrade/api";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { LiveStatus } from "../live-status";
import { type AssetNames, type MarketFilter, matchesMarketFilter } from "./filter-markets";
import { summariseLiveStates } from "./live-summary";
import { type LiveState, MarketRow, SECONDARY } from "./market-row";
import { NoMarketsMatch } from "./no-markets-match";
import { SortHeader } from "./sort-header";
import { type MarketSort, type MarketSortKey, sortMarkets } from "./sort-markets";

type Market = RouterOutputs["market"]["list"][number];
type Ticker = RouterOutputs["market"]["ticker"];

const HEADERS: {
  label: "price" | "change" | "high" | "low" | "volume" | "spark";
  sortKey?: MarketSortKey;
  secondary?: boolean;
}[] = [
  { label: "price", sortKey: "price" },
  { label: "change", sortKey: "change" },
  { label: "high", secondary: true },
  { label: "low", secondary: true },
  { label: "volume", sortKey: "volume", secondary: true },
  { label: "spark", secondary: true },
];

/**
 * The "Markets" table: every market live, narrowed by the filter without unmounting rows (each
 * keeps its subscription), sorted by the column the trader picked (by the live figures), with
 * the page's live state above and an empty state below.
 */
export function MarketsTable({
  markets,
  tickers,
  hourlyOpens,
  filter,
  assetNames,
  sort,
  onSort,
  favourites,
  onToggleFavourite,
}: {
  markets: readonly Market[];
  tickers: readonly Ticker[];
  hourlyOpens: Readonly<Record<string, readonly string[]>>;
  filter: MarketFilter;
  assetNames: AssetNames;
  sort: MarketSort | null;
  onSort: (key: MarketSortKey) => void;
  favourites: ReadonlySet<string>;
  onToggleFavourite: (symbol: string) => void;
}) {
  const { t } = useTranslation("markets");
  const [liveStates, setLiveStates] = useState<Record<string, LiveState>>({});
  const onLiveState = useCallback((symbol: string, state: LiveState) => {
    setLiveStates((states) => (states[symbol] === state ? states : { ...states, [symbol]: state }));
  }, []);
  const [liveTickers, setLiveTickers] = useState<Record<string, Ticker>>({});
  const onTicker = useCallback((ticker: Ticker) => {
    setLiveTickers((known) => ({ ...known, [ticker.symbol]: ticker }));
  }, []);
  const loadedTickers = new Map(tickers.map((ticker) => [ticker.symbol, ticker]));
  const tickerOf = (symbol: string) => liveTickers[symbol] ?? loadedTickers.get(symbol);
  const sorted = sortMarkets(
    markets.map((market) => {
      const ticker = tickerOf(market.symbol);
      return {
        symbol: market.symbol,
        market,
        last: ticker?.last ?? null,
        changePercent: ticker?.changePercent ?? null,
        volume: ticker?.volume ?? null,
      };
    }),
    sort,
  );
  const shown = markets.filter((market) =>
    matchesMarketFilter(market, filter, favourites, assetNames),
  );
  const shownSymbols = new Set(shown.map((market) => market.symbol));
  return (
    <>
      <LiveStatus status={summariseLiveStates(Object.values(liveStates))} />
      <div className="mt-2 overflow-x-auto rounded-lg border border-border">
        <table className="w-full text-sm">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="bg-surface-raised text-muted">
            <tr>
              <th scope="col" className="w-10 py-2 pl-2 text-left font-medium">
                <span className="sr-only">{t("favouriteColumn")}</span>
              </th>
              <SortHeader
                label={t("market")}
                sortKey="name"
                sort={sort}
                onSort={onSort}
                align="left"
              />
              {HEADERS.map(({ label, sortKey, secondary }) =>
                sortKey ? (
                  <SortHeader
                    key={label}
                    label={t(`column.${label}`)}
                    sortKey={sortKey}
                    sort={sort}
                    onSort={onSort}
                    className={secondary ? SECONDARY : ""}
                  />
                ) : (
                  <th
                    key={label}
                    scope="col"
                    className={`px-3 py-2 text-right font-medium ${secondary ? SECONDARY : ""}`}
                  >
                    {t(`column.${label}`)}
                  </th>
                ),
              )}
            </tr>
          </thead>
          <tbody>
            {sorted.map(({ market }) => (
              <MarketRow
                key={market.symbol}
                market={market}
                initialTicker={loadedTickers.get(market.symbol)}
                hourlyOpens={hourlyOpens[market.symbol] ?? []}
                favourite={favourites.has(market.symbol)}
                hidden={!shownSymbols.has(market.symbol)}
                onToggleFavourite={onToggleFavourite}
                onLiveState={onLiveState}
                onTicker={onTicker}
              />
            ))}
          </tbody>
        </table>
      </div>
      <NoMarketsMatch shown={shown.length} total={markets.length} filter={filter} />
    </>
  );
}
