import type { RouterOutputs } from "@cryptotrade/api";
import { useCallback, useState } from "react";
import { LiveStatus } from "../live-status";
import { type MarketFilter, matchesMarketFilter } from "./filter-markets";
import { summariseLiveStates } from "./live-summary";
import { type LiveState, MarketRow, SECONDARY } from "./market-row";
import { NoMarketsMatch } from "./no-markets-match";

type Market = RouterOutputs["market"]["list"][number];
type Ticker = RouterOutputs["market"]["ticker"];

const HEADERS: { label: string; secondary?: boolean }[] = [
  { label: "Last price" },
  { label: "24h change" },
  { label: "24h high", secondary: true },
  { label: "24h low", secondary: true },
  { label: "24h volume", secondary: true },
  { label: "Last 24h", secondary: true },
];

/**
 * The "Markets" table: every market live, narrowed by the filter without unmounting rows (each
 * keeps its subscription), with the page's live state above and an empty state below.
 */
export function MarketsTable({
  markets,
  tickers,
  hourlyOpens,
  filter,
  favourites,
  onToggleFavourite,
}: {
  markets: readonly Market[];
  tickers: readonly Ticker[];
  hourlyOpens: Readonly<Record<string, readonly string[]>>;
  filter: MarketFilter;
  favourites: ReadonlySet<string>;
  onToggleFavourite: (symbol: string) => void;
}) {
  const [liveStates, setLiveStates] = useState<Record<string, LiveState>>({});
  const onLiveState = useCallback((symbol: string, state: LiveState) => {
    setLiveStates((states) => (states[symbol] === state ? states : { ...states, [symbol]: state }));
  }, []);
  const tickerOf = new Map(tickers.map((ticker) => [ticker.symbol, ticker]));
  const shown = markets.filter((market) => matchesMarketFilter(market, filter, favourites));
  const shownSymbols = new Set(shown.map((market) => market.symbol));
  return (
    <>
      <LiveStatus status={summariseLiveStates(Object.values(liveStates))} />
      <div className="mt-2 overflow-x-auto rounded-lg border border-border">
        <table className="w-full text-sm">
          <caption className="sr-only">Markets</caption>
          <thead className="bg-surface-raised text-muted">
            <tr>
              <th scope="col" className="w-10 py-2 pl-2 text-left font-medium">
                <span className="sr-only">Favourite</span>
              </th>
              <th scope="col" className="py-2 pr-3 text-left font-medium">
                Market
              </th>
              {HEADERS.map(({ label, secondary }) => (
                <th
                  key={label}
                  scope="col"
                  className={`px-3 py-2 text-right font-medium ${secondary ? SECONDARY : ""}`}
                >
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {markets.map((market) => (
              <MarketRow
                key={market.symbol}
                market={market}
                initialTicker={tickerOf.get(market.symbol)}
                hourlyOpens={hourlyOpens[market.symbol] ?? []}
                favourite={favourites.has(market.symbol)}
                hidden={!shownSymbols.has(market.symbol)}
                onToggleFavourite={onToggleFavourite}
                onLiveState={onLiveState}
              />
            ))}
          </tbody>
        </table>
      </div>
      <NoMarketsMatch shown={shown.length} total={markets.length} filter={filter} />
    </>
  );
}
