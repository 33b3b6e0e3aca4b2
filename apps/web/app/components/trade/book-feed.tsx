import type { BookStore } from "./book-store";
import { type FeedStatuses, useReportFeedStatus } from "./feed-status";
import { useLiveOrderBook } from "./use-live-order-book";

/**
 * Runs the book's subscription into `store` and reports its state; draws nothing. A component
 * of its own so that connection changes re-render nothing else.
 */
export function BookFeed({
  store,
  symbol,
  statuses,
}: {
  store: BookStore;
  symbol: string;
  statuses: FeedStatuses;
}) {
  useReportFeedStatus(statuses, "book", useLiveOrderBook(store, symbol));
  return null;
}
