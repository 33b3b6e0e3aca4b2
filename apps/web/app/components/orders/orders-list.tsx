import type { RouterInputs, RouterOutputs } from "@cryptotrade/api";
import { LoadMore } from "~/components/trade/load-more";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { AllOpenOrdersTable } from "./all-open-orders-table";
import { AllOrderHistoryTable } from "./all-order-history-table";
import type { MarketFormat } from "./market-formats";
import { usePagedList } from "./use-paged-list";

type Input = RouterInputs["orders"]["list"] & object;

/** Open orders (each cancellable) or order history of every market, as filtered, page after page. */
export function OrdersList({
  input,
  first,
  formatOf,
  filtered,
}: {
  input: Input;
  first: RouterOutputs["orders"]["list"];
  formatOf(symbol: string): MarketFormat;
  filtered: boolean;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const list = usePagedList(trpc.orders.list.infiniteQueryKey(input), first, (cursor) =>
    client.orders.list.query({ ...input, ...(cursor ? { cursor } : {}) }),
  );
  return (
    <>
      {list.error ? (
        <p role="alert" className="text-sm text-sell">
          {list.error}
        </p>
      ) : null}
      {input.status === "open" ? (
        <AllOpenOrdersTable orders={list.items} formatOf={formatOf} filtered={filtered} />
      ) : (
        <AllOrderHistoryTable orders={list.items} formatOf={formatOf} filtered={filtered} />
      )}
      <LoadMore
        what="orders"
        hasMore={list.hasMore}
        loading={list.loadingMore}
        onLoad={list.loadMore}
      />
    </>
  );
}
