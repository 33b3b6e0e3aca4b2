import { useEffect } from "react";
import { LiveValue, useLiveValue } from "./live-value";

/** A subscription's state as useSubscription gives it. */
export type FeedStatus = "idle" | "connecting" | "pending" | "error";

type FeedName = "book" | "trades" | "ticker";

/** The state of each of the trade page's streams, reported by the component that owns it. */
export function createFeedStatuses() {
  return new LiveValue<Record<FeedName, FeedStatus>>({
    book: "connecting",
    trades: "connecting",
    ticker: "connecting",
  });
}

export type FeedStatuses = ReturnType<typeof createFeedStatuses>;

/** Records one stream's state whenever it changes. */
export function useReportFeedStatus(statuses: FeedStatuses, feed: FeedName, status: FeedStatus) {
  useEffect(() => {
    const current = statuses.get();
    if (current[feed] !== status) statuses.set({ ...current, [feed]: status });
  }, [statuses, feed, status]);
}

/** The page is live only when every stream is: the worst of their states. */
export function usePageFeedStatus(statuses: FeedStatuses): FeedStatus {
  const all = Object.values(useLiveValue(statuses));
  for (const worst of ["error", "connecting", "idle"] as const) {
    if (all.includes(worst)) return worst;
  }
  return "pending";
}
