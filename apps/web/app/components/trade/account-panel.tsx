import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { useTRPC, useTRPCClient } from "~/trpc/react";
import { AccountPanelTabs, type PanelTab } from "./account-panel-tabs";
import { BalancesTable } from "./balances-table";
import { FillsTable } from "./fills-table";
import { LoadMore } from "./load-more";
import { type Market, readRules } from "./order-form/model";
import { historyInput, openOrdersInput } from "./orders-cache";
import { OrderHistoryTable } from "./orders-history-table";
import { useLiveAccount } from "./orders-live";
import { OpenOrdersTable } from "./orders-open-table";

type TabId = "open" | "history" | "fills" | "balances";

/**
 * The trader's side of the trade page: open orders (cancel, cancel all, amend), order
 * history, fills and balances, kept live by the account streams, with the latest fill shown.
 */
export function AccountPanel({ market }: { market: Market }) {
  const { t } = useTranslation("trade");
  const trpc = useTRPC();
  const idPrefix = useId();
  const rules = useMemo(() => readRules(market), [market]);
  const [tab, setTab] = useState<TabId>("open");
  const live = useLiveAccount(market.symbol, rules);

  const open = useQuery(trpc.orders.list.queryOptions(openOrdersInput(market.symbol)));
  // History and fills go back further than one page: "Load more" asks for the next one, and
  // a refetch (an order finished, a fill) reloads every page shown, so none is left stale.
  // The pages are fetched by hand: the procedures take `cursor` but not tRPC's `direction`.
  const client = useTRPCClient();
  const nextPage = (page: { nextCursor: string | null }) => page.nextCursor ?? undefined;
  const historyOf = historyInput(market.symbol);
  const history = useInfiniteQuery({
    queryKey: trpc.orders.list.infiniteQueryKey(historyOf),
    queryFn: ({ pageParam }) => client.orders.list.query({ ...historyOf, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextPage,
    enabled: tab === "history",
  });
  const fillsOf = { symbol: market.symbol };
  const fills = useInfiniteQuery({
    queryKey: trpc.orders.fills.infiniteQueryKey(fillsOf),
    queryFn: ({ pageParam }) => client.orders.fills.query({ ...fillsOf, cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: nextPage,
    enabled: tab === "fills",
  });
  const balances = useQuery(trpc.portfolio.balances.queryOptions());

  const { rememberFilled } = live;
  useEffect(() => {
    if (open.data) rememberFilled(open.data.items);
  }, [open.data, rememberFilled]);

  const tabs: PanelTab[] = [
    { id: "open", label: t("panel.open"), count: open.data?.items.length },
    { id: "history", label: t("panel.history") },
    { id: "fills", label: t("panel.fills") },
    { id: "balances", label: t("panel.balances") },
  ];
  const errorOf = (query: { error: { message: string } | null }) => query.error?.message ?? null;
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-border bg-surface p-3">
      <AccountPanelTabs
        tabs={tabs}
        selected={tab}
        onSelect={(id) => setTab(id as TabId)}
        idPrefix={idPrefix}
      />
      {/* The market's latest fill, to see; not a live region: the notification layer speaks
          each fill once, app-wide, and a second region here would say it twice. */}
      <p className="min-h-4 text-xs font-medium" data-testid="latest-fill">
        {live.announcement}
      </p>
      <div
        role="tabpanel"
        id={`${idPrefix}-panel-${tab}`}
        aria-labelledby={`${idPrefix}-tab-${tab}`}
        className="flex min-w-0 flex-col"
      >
        {tab === "open" ? (
          <OpenOrdersTable
            symbol={market.symbol}
            rules={rules}
            orders={open.data?.items ?? []}
            loading={open.isPending}
            error={errorOf(open)}
          />
        ) : tab === "history" ? (
          <>
            <OrderHistoryTable
              rules={rules}
              orders={history.data?.pages.flatMap((page) => page.items) ?? []}
              loading={history.isPending}
              error={errorOf(history)}
            />
            <LoadMore
              what="orders"
              hasMore={history.hasNextPage}
              loading={history.isFetchingNextPage}
              onLoad={() => void history.fetchNextPage()}
            />
          </>
        ) : tab === "fills" ? (
          <>
            <FillsTable
              rules={rules}
              fills={fills.data?.pages.flatMap((page) => page.items) ?? []}
              loading={fills.isPending}
              error={errorOf(fills)}
            />
            <LoadMore
              what="fills"
              hasMore={fills.hasNextPage}
              loading={fills.isFetchingNextPage}
              onLoad={() => void fills.fetchNextPage()}
            />
          </>
        ) : (
          <BalancesTable
            balances={balances.data ?? []}
            loading={balances.isPending}
            error={errorOf(balances)}
            assets={[market.quoteAsset, market.baseAsset]}
          />
        )}
      </div>
    </div>
  );
}
