import type { RouterInputs, RouterOutputs } from "@cryptotrade/api";
import { LoadMore } from "~/components/trade/load-more";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { AllFillsTable } from "./all-fills-table";
import type { MarketFormat } from "./market-formats";
import { usePagedList } from "./use-paged-list";

type Input = RouterInputs["orders"]["fills"] & object;

/** Fills of every market (as filtered), page after page. */
export function FillsList({
  input,
  first,
  formatOf,
  filtered,
}: {
  input: Input;
  first: RouterOutputs["orders"]["fills"];
  formatOf(symbol: string): MarketFormat;
  filtered: boolean;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const list = usePagedList(trpc.orders.fills.infiniteQueryKey(input), first, (cursor) =>
    client.orders.fills.query({ ...input, ...(cursor ? { cursor } : {}) }),
  );
  return (
    <>
      {list.error ? (
        <p role="alert" className="text-sm text-sell">
          {list.error}
        </p>
      ) : null}
      <AllFillsTable fills={list.items} formatOf={formatOf} filtered={filtered} />
      <LoadMore
        what="fills"
        hasMore={list.hasMore}
        loading={list.loadingMore}
        onLoad={list.loadMore}
      />
    </>
  );
}
