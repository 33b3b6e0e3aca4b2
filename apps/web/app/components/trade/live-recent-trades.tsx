import { formatDecimalString } from "@cryptotrade/contract/money";
import { useEffect } from "react";
import type { MarketFormat } from "./book-view";
import { type FeedStatuses, useReportFeedStatus } from "./feed-status";
import type { LiveValue } from "./live-value";
import { RecentTrades } from "./recent-trades";
import { type PublicTrade, useLiveTrades } from "./use-live-trades";

/** The last trade as the book's middle row shows it. */
export interface LastTrade {
  price: string;
  side: "buy" | "sell";
}

/** The last trade of a list (newest first), written at the market's tick. */
export function readLastTrade(trades: PublicTrade[], format: MarketFormat): LastTrade | null {
  const newest = trades[0];
  return newest
    ? { price: formatDecimalString(newest.price, format.priceDecimals), side: newest.takerSide }
    : null;
}

/**
 * The trades tape kept live by `market.onTrades`; it also publishes the newest trade for the
 * book's middle row, so a trade re-renders the tape and that row, not the page.
 */
export function LiveRecentTrades({
  symbol,
  loadedTrades,
  format,
  baseAsset,
  quoteAsset,
  lastTrade,
  statuses,
}: {
  symbol: string;
  loadedTrades: PublicTrade[];
  format: MarketFormat;
  baseAsset: string;
  quoteAsset: string;
  lastTrade: LiveValue<LastTrade | null>;
  statuses: FeedStatuses;
}) {
  const tape = useLiveTrades(symbol, loadedTrades);
  useReportFeedStatus(statuses, "trades", tape.status);
  const newest = tape.trades[0];
  useEffect(() => {
    const current = lastTrade.get();
    const next = newest ? readLastTrade([newest], format) : null;
    if (current?.price !== next?.price || current?.side !== next?.side) lastTrade.set(next);
  }, [newest, format, lastTrade]);
  return (
    <RecentTrades
      trades={tape.trades}
      format={format}
      baseAsset={baseAsset}
      quoteAsset={quoteAsset}
    />
  );
}
