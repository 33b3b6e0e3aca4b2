import type { RouterOutputs } from "@cryptotrade/api";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "~/trpc/react";
import { type FeedStatuses, usePageFeedStatus, useReportFeedStatus } from "./feed-status";
import { MarketHeader } from "./market-header";

/** The market header kept live by `market.onTicker`, with the page's connection state. */
export function LiveMarketHeader({
  market,
  loadedTicker,
  statuses,
}: {
  market: {
    symbol: string;
    baseAsset: string;
    quoteAsset: string;
    priceDecimals: number;
    quantityDecimals: number;
  };
  loadedTicker: RouterOutputs["market"]["ticker"];
  statuses: FeedStatuses;
}) {
  const trpc = useTRPC();
  const ticker = useSubscription(
    trpc.market.onTicker.subscriptionOptions({ symbol: market.symbol }),
  );
  useReportFeedStatus(statuses, "ticker", ticker.status);
  const status = usePageFeedStatus(statuses);
  return (
    <MarketHeader market={market} ticker={ticker.data?.data ?? loadedTicker} status={status} />
  );
}
