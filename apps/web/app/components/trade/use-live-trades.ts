import type { RouterOutputs } from "@cryptotrade/api";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { useTRPC, useTRPCClient } from "~/trpc/react";

export type PublicTrade = RouterOutputs["market"]["trades"][number];

/** How many trades the tape keeps. */
export const TAPE_LENGTH = 40;

/**
 * The market's recent trades, newest first: the loader's list, then each batch from
 * `market.onTrades`. When the server cannot prove nothing was missed after a reconnect it says
 * `resync`, and the list is loaded again from `market.trades`.
 */
export function useLiveTrades(symbol: string, initial: PublicTrade[]) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [trades, setTrades] = useState(initial);
  const subscription = useSubscription(
    trpc.market.onTrades.subscriptionOptions(
      { symbol },
      {
        onData: (event) => {
          const message = event.data;
          if (message.kind === "resync") {
            void client.market.trades
              .query({ symbol, limit: TAPE_LENGTH })
              .then(setTrades, (error: unknown) => {
                // The tape keeps what it has; the next batch or reconnect brings it back.
                console.warn("reloading the trades tape failed", error);
              });
            return;
          }
          setTrades((previous) => prependTrades(previous, message.trades));
        },
      },
    ),
  );
  return { trades, status: subscription.status };
}

/** New trades (oldest first, as a batch comes) on top of the list, each once, at most TAPE_LENGTH. */
function prependTrades(list: PublicTrade[], batch: PublicTrade[]): PublicTrade[] {
  const seen = new Set(list.map((trade) => trade.id));
  const fresh = batch.filter((trade) => !seen.has(trade.id)).reverse();
  if (fresh.length === 0) return list;
  return [...fresh, ...list].slice(0, TAPE_LENGTH);
}
