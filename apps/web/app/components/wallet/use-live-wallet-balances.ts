import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/react";

interface BalanceLike {
  asset: string;
  available: string;
  locked: string;
}

/**
 * The loader's balances, then each asset's available and locked as `portfolio.onBalances`
 * reports them, so the withdraw form shows what can be withdrawn right now. A new loader
 * result (after a deposit or withdrawal) starts from it again.
 */
export function useLiveWalletBalances<T extends BalanceLike>(loaded: T[]) {
  const trpc = useTRPC();
  const [state, setState] = useState({ loaded, rows: loaded });
  const current = state.loaded === loaded ? state.rows : loaded;
  if (state.loaded !== loaded) setState({ loaded, rows: loaded });
  const live = useSubscription(
    trpc.portfolio.onBalances.subscriptionOptions(undefined, {
      onData: (event) => {
        const change = event.data;
        if (change.kind !== "balance") return;
        setState((previous) => ({
          ...previous,
          rows: previous.rows.map((row) =>
            row.asset === change.asset
              ? { ...row, available: change.available, locked: change.locked }
              : row,
          ),
        }));
      },
    }),
  );
  return { balances: current, status: live.status };
}
