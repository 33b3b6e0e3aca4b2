import { useMemo, useSyncExternalStore } from "react";
import type { BookStore } from "../book-store";
import { levelsToTake, type WalkLevel } from "./book-walk";
import type { MarketRules, Side } from "./model";

/**
 * The levels a market order of `side` would take from the live book, best first, read again
 * whenever the book store paints (at most once a frame), so an estimate follows the book.
 */
export function useBookLevels(
  store: BookStore,
  side: Side,
  rules: Pick<MarketRules, "quoteDecimals" | "baseDecimals">,
): WalkLevel[] {
  const version = useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
  const { quoteDecimals, baseDecimals } = rules;
  // `version` is the book store's change counter: a new one means new levels.
  return useMemo(
    () =>
      levelsToTake(
        side === "buy" ? store.book.asks : store.book.bids,
        side,
        quoteDecimals,
        baseDecimals,
      ),
    [store, side, quoteDecimals, baseDecimals, version],
  );
}
