import type { AppRouter } from "@cryptotrade/api";
import { createTRPCContext } from "@trpc/tanstack-react-query";

/**
 * The typed tRPC hooks for components. `useTRPC()` gives query, mutation and subscription
 * options to pass to TanStack Query's hooks.
 *
 * @example
 * const trpc = useTRPC();
 * const tickers = useQuery(trpc.market.tickers.queryOptions());
 * const live = useSubscription(trpc.market.onTicker.subscriptionOptions({ symbol }));
 */
export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
