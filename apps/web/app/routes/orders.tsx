import { useId, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { type AppLoadContext, useNavigate } from "react-router";
import { FillsList } from "~/components/orders/fills-list";
import { marketFormats } from "~/components/orders/market-formats";
import {
  isFiltered,
  type OrdersQuery,
  type OrdersTab,
  readOrdersFilter,
  sharedFilters,
  toOrdersQuery,
} from "~/components/orders/orders-filter";
import { OrdersFilters } from "~/components/orders/orders-filters";
import { OrdersList } from "~/components/orders/orders-list";
import { TransfersList } from "~/components/orders/transfers-list";
import { AccountPanelTabs } from "~/components/trade/account-panel-tabs";
import { pageTitle } from "~/lib/i18n/meta";
import { requireSignedIn } from "~/lib/signed-in.server";
import type { Route } from "./+types/orders";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, (t) => t("title", { ns: "orders" })) },
];

const PAGE_SIZE = 20;

const TABS: OrdersTab[] = ["open", "history", "fills", "transfers"];

/** The tab's first page, read with its filters (the next ones are read by "Load more"). */
async function readFirstPage(context: AppLoadContext, query: OrdersQuery) {
  switch (query.tab) {
    case "fills": {
      const input = { ...query.input, limit: PAGE_SIZE };
      return { tab: query.tab, input, page: await context.trpc.orders.fills(input) };
    }
    case "transfers": {
      const input = { ...query.input, limit: PAGE_SIZE };
      return { tab: query.tab, input, page: await context.trpc.wallet.transactions(input) };
    }
    default: {
      const input = { ...query.input, limit: PAGE_SIZE };
      return { tab: query.tab, input, page: await context.trpc.orders.list(input) };
    }
  }
}

export async function loader({ request, context }: Route.LoaderArgs) {
  await requireSignedIn(context, request);
  const { form, query } = readOrdersFilter(new URL(request.url).searchParams);
  const [markets, assets, list] = await Promise.all([
    context.trpc.market.list(),
    context.trpc.market.assets(),
    readFirstPage(context, query),
  ]);
  return { markets, assets: assets.map((asset) => asset.symbol), filter: form, list };
}

/**
 * One place for the trader's orders across markets: open orders (cancel), order history,
 * fills (with totals and fees) and transfers, filtered, paged and exportable as CSV.
 */
export default function Orders({ loaderData }: Route.ComponentProps) {
  const { list, filter, markets } = loaderData;
  const tab = list.tab;
  const navigate = useNavigate();
  const idPrefix = useId();
  const formatOf = useMemo(() => marketFormats(markets), [markets]);
  const filtered = isFiltered(filter);
  const { t } = useTranslation("orders");
  const exportHref = `/orders/export.csv?${toOrdersQuery(tab, filter)}`;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <a
          href={exportHref}
          download
          className="rounded-md border border-border px-3 py-1.5 text-sm font-medium hover:bg-surface-raised"
        >
          {t(`export.${tab}`)}
        </a>
      </div>
      <AccountPanelTabs
        label={t("tabs.label")}
        tabs={TABS.map((id) => ({ id, label: t(`tabs.${id}`) }))}
        selected={tab}
        idPrefix={idPrefix}
        onSelect={(id) =>
          void navigate(`/orders?${toOrdersQuery(id as OrdersTab, sharedFilters(filter))}`, {
            preventScrollReset: true,
          })
        }
      />
      <div
        role="tabpanel"
        id={`${idPrefix}-panel-${tab}`}
        aria-labelledby={`${idPrefix}-tab-${tab}`}
        className="flex min-w-0 flex-col gap-3"
      >
        <OrdersFilters
          tab={tab}
          filter={filter}
          markets={markets.map((market) => market.symbol)}
          assets={loaderData.assets}
        />
        {list.tab === "fills" ? (
          <FillsList input={list.input} first={list.page} formatOf={formatOf} filtered={filtered} />
        ) : list.tab === "transfers" ? (
          <TransfersList input={list.input} first={list.page} filtered={filtered} />
        ) : (
          <OrdersList
            key={list.tab}
            input={list.input}
            first={list.page}
            formatOf={formatOf}
            filtered={filtered}
          />
        )}
      </div>
    </div>
  );
}
