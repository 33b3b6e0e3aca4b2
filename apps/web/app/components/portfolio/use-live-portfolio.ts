import { countDecimals, formatDecimal, toUnits } from "@cryptotrade/contract/money";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useTRPC } from "~/trpc/react";
import type { BalanceRow, PortfolioSummary } from "./types";

/**
 * Balances and the summary, live: the loader's data first, then every `portfolio.onBalances`
 * event updates that asset's available and locked at once and asks for fresh values (prices
 * and P&L come from the server, never computed here).
 */
export function useLivePortfolio(loaded: { balances: BalanceRow[]; summary: PortfolioSummary }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const balancesKey = trpc.portfolio.balances.queryKey();
  const balances = useQuery({
    ...trpc.portfolio.balances.queryOptions(),
    initialData: loaded.balances,
  });
  const summary = useQuery({
    ...trpc.portfolio.summary.queryOptions(),
    initialData: loaded.summary,
  });
  const live = useSubscription(
    trpc.portfolio.onBalances.subscriptionOptions(undefined, {
      onData: (event) => {
        const change = event.data;
        // A resync (events were lost) carries no balance: the refetch below brings the truth.
        if (change.kind === "balance") {
          queryClient.setQueryData<BalanceRow[]>(balancesKey, (rows) =>
            rows?.map((row) =>
              row.asset === change.asset
                ? {
                    ...row,
                    available: change.available,
                    locked: change.locked,
                    total: addDecimals(change.available, change.locked),
                  }
                : row,
            ),
          );
        }
        void queryClient.invalidateQueries({ queryKey: balancesKey });
        void queryClient.invalidateQueries({ queryKey: trpc.portfolio.summary.queryKey() });
      },
    }),
  );
  return { balances, summary, status: live.status };
}

function addDecimals(a: string, b: string): string {
  const decimals = Math.max(countDecimals(a), countDecimals(b));
  return formatDecimal(toUnits(a, decimals) + toUnits(b, decimals), decimals);
}
