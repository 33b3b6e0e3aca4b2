import type { RouterInputs, RouterOutputs } from "@cryptotrade/api";
import { LoadMore } from "~/components/trade/load-more";
import { TransactionsTable } from "~/components/wallet/transactions-table";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { usePagedList } from "./use-paged-list";

type Input = RouterInputs["wallet"]["transactions"] & object;

/** Deposits and withdrawals (`wallet.transactions`, as filtered), page after page. */
export function TransfersList({
  input,
  first,
  filtered,
}: {
  input: Input;
  first: RouterOutputs["wallet"]["transactions"];
  filtered: boolean;
}) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const list = usePagedList(trpc.wallet.transactions.infiniteQueryKey(input), first, (cursor) =>
    client.wallet.transactions.query({ ...input, ...(cursor ? { cursor } : {}) }),
  );
  return (
    <>
      {list.error ? (
        <p role="alert" className="text-sm text-sell">
          {list.error}
        </p>
      ) : null}
      <TransactionsTable items={list.items} filtered={filtered} />
      <LoadMore
        what="transfers"
        hasMore={list.hasMore}
        loading={list.loadingMore}
        onLoad={list.loadMore}
      />
    </>
  );
}
