import { LIVE_ORDER_STATUSES, ORDER_TYPES } from "@cryptotrade/contract/orders";
import { Form, Link } from "react-router";
import { typeName } from "~/components/trade/orders-format";
import { Button } from "~/components/ui/button";
import { Field } from "~/components/ui/field";
import { SelectField } from "~/components/ui/select-field";
import { STATUSES, TYPES } from "~/components/wallet/transaction-filter";
import {
  FINAL_ORDER_STATUSES,
  isFiltered,
  type OrdersFilterForm,
  type OrdersTab,
  toOrdersQuery,
} from "./orders-filter";

const capitalise = (text: string) =>
  `${text.charAt(0).toUpperCase()}${text.slice(1)}`.replace(/_/g, " ");

const WHAT: Record<OrdersTab, string> = {
  open: "open orders",
  history: "order history",
  fills: "fills",
  transfers: "transfers",
};

/**
 * The tab's filters as a GET form, so the address holds them (shareable, back button) and the
 * CSV link exports exactly what is listed. Each tab offers only the filters that apply to it.
 */
export function OrdersFilters({
  tab,
  filter,
  markets,
  assets,
}: {
  tab: OrdersTab;
  filter: OrdersFilterForm;
  markets: readonly string[];
  assets: readonly string[];
}) {
  const query = toOrdersQuery(tab, filter);
  const orderTab = tab === "open" || tab === "history";
  const statuses =
    tab === "transfers" ? STATUSES : tab === "open" ? LIVE_ORDER_STATUSES : FINAL_ORDER_STATUSES;
  return (
    <Form
      method="get"
      role="search"
      aria-label={`Filter ${WHAT[tab]}`}
      className="grid grid-cols-2 items-end gap-3 sm:grid-cols-3 lg:grid-cols-[repeat(6,minmax(0,1fr))_auto]"
      // A new filter or tab starts from a fresh form (defaultValues are read once).
      key={query}
    >
      <input type="hidden" name="tab" value={tab} />
      {tab === "transfers" ? (
        <>
          <SelectField
            label="Type"
            name="type"
            defaultValue={filter.type}
            options={[
              { value: "", label: "All types" },
              ...TYPES.map((t) => ({ value: t, label: capitalise(t) })),
            ]}
          />
          <SelectField
            label="Asset"
            name="asset"
            defaultValue={filter.asset}
            options={[
              { value: "", label: "All assets" },
              ...assets.map((a) => ({ value: a, label: a })),
            ]}
          />
        </>
      ) : (
        <>
          <SelectField
            label="Market"
            name="market"
            defaultValue={filter.market}
            options={[
              { value: "", label: "All markets" },
              ...markets.map((m) => ({ value: m, label: m })),
            ]}
          />
          <SelectField
            label="Side"
            name="side"
            defaultValue={filter.side}
            options={[
              { value: "", label: "Both sides" },
              { value: "buy", label: "Buy" },
              { value: "sell", label: "Sell" },
            ]}
          />
        </>
      )}
      {orderTab ? (
        <SelectField
          label="Type"
          name="type"
          defaultValue={filter.type}
          options={[
            { value: "", label: "All types" },
            ...ORDER_TYPES.map((t) => ({ value: t, label: typeName(t) })),
          ]}
        />
      ) : null}
      {tab !== "fills" ? (
        <SelectField
          label="Status"
          name="status"
          defaultValue={filter.status}
          options={[
            { value: "", label: "All statuses" },
            ...statuses.map((s) => ({ value: s, label: capitalise(s) })),
          ]}
        />
      ) : null}
      <Field label="From (UTC)" name="from" type="date" defaultValue={filter.from} />
      <Field label="To (UTC)" name="to" type="date" defaultValue={filter.to} />
      <div className="col-span-2 flex gap-2 sm:col-span-1">
        <Button type="submit" className="text-base">
          Apply filters
        </Button>
        {isFiltered(filter) ? (
          <Link to={`/orders?tab=${tab}`} className="self-center text-sm text-accent underline">
            Clear
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
