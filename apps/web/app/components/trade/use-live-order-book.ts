import { useSubscription } from "@trpc/tanstack-react-query";
import { useEffect, useRef } from "react";
import { useTRPC } from "~/trpc/react";
import type { BookStore } from "./book-store";

/**
 * Keeps a market's whole book from `market.onBook` in `store`. The resync rule: a
 * snapshot (the first event, or one the server sends after a reset or a gap it saw) replaces
 * the book; a diff applies only when its `fromSequence` is the book's sequence + 1; any other
 * diff means something was lost, so the subscription starts over and the server answers with
 * a fresh snapshot. After a reconnect the socket resumes with the last sequence as
 * `lastEventId` and the server either continues it or sends a snapshot.
 *
 * The calling component re-renders only when the connection state changes, never per event;
 * it returns that state.
 */
export function useLiveOrderBook(store: BookStore, symbol: string) {
  const trpc = useTRPC();
  const resubscribe = useRef<() => void>(() => {});
  const subscription = useSubscription(
    trpc.market.onBook.subscriptionOptions(
      { symbol },
      {
        onData: (event) => {
          if (store.apply(event.data) === "gap") resubscribe.current();
        },
      },
    ),
  );
  resubscribe.current = subscription.reset;
  useEffect(() => () => store.dispose(), [store]);
  return subscription.status;
}
