import { LIVE_ORDER_STATUSES, ORDER_TYPES } from "@cryptotrade/contract/order-vocabulary";
import { useTranslation } from "react-i18next";
import { Form, Link } from "react-router";
import { statusName, typeName } from "~/components/trade/orders-format";
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

const capitalise = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

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
  const { t } = useTranslation("orders");
  const { t: tr } = useTranslation("trade");
  const { t: w } = useTranslation("wallet");
  const query = toOrdersQuery(tab, filter);
  const orderTab = tab === "open" || tab === "history";
  const statuses =
    tab === "transfers" ? STATUSES : tab === "open" ? LIVE_ORDER_STATUSES : FINAL_ORDER_STATUSES;
  return (
    <Form
      method="get"
      role="search"
      aria-label={t(`filter.label.${tab}`)}
      className="grid grid-cols-2 items-end gap-3 sm:grid-cols-3 lg:grid-cols-[repeat(6,minmax(0,1fr))_auto]"
      // A new filter or tab starts from a fresh form (defaultValues are read once).
      key={query}
    >
      <input type="hidden" name="tab" value={tab} />
      {tab === "transfers" ? (
        <>
          <SelectField
            label={t("filter.type")}
            name="type"
            defaultValue={filter.type}
            options={[
              { value: "", label: t("filter.allTypes") },
              ...TYPES.map((type) => ({ value: type, label: capitalise(w(`types.${type}`)) })),
            ]}
          />
          <SelectField
            label={t("filter.asset")}
            name="asset"
            defaultValue={filter.asset}
            options={[
              { value: "", label: t("filter.allAssets") },
              ...assets.map((a) => ({ value: a, label: a })),
            ]}
          />
        </>
      ) : (
        <>
          <SelectField
            label={t("filter.market")}
            name="market"
            defaultValue={filter.market}
            options={[
              { value: "", label: t("filter.allMarkets") },
              ...markets.map((m) => ({ value: m, label: m })),
            ]}
          />
          <SelectField
            label={t("filter.side")}
            name="side"
            defaultValue={filter.side}
            options={[
              { value: "", label: t("filter.bothSides") },
              { value: "buy", label: tr("side.buy") },
              { value: "sell", label: tr("side.sell") },
            ]}
          />
        </>
      )}
      {orderTab ? (
        <SelectField
          label={t("filter.type")}
          name="type"
          defaultValue={filter.type}
          options={[
            { value: "", label: t("filter.allTypes") },
            ...ORDER_TYPES.map((type) => ({ value: type, label: typeName(type, tr) })),
          ]}
        />
      ) : null}
      {tab !== "fills" ? (
        <SelectField
          label={t("filter.status")}
          name="status"
          defaultValue={filter.status}
          options={[
            { value: "", label: t("filter.allStatuses") },
            ...statuses.map((status) => ({
              value: status,
              label:
                tab === "transfers"
                  ? capitalise(w(`statuses.${status as (typeof STATUSES)[number]}`))
                  : statusName(status, tr),
            })),
          ]}
        />
      ) : null}
      <Field label={t("filter.from")} name="from" type="date" defaultValue={filter.from} />
      <Field label={t("filter.to")} name="to" type="date" defaultValue={filter.to} />
      <div className="col-span-2 flex gap-2 sm:col-span-1">
        <Button type="submit" className="text-base">
          {t("filter.apply")}
        </Button>
        {isFiltered(filter) ? (
          <Link to={`/orders?tab=${tab}`} className="self-center text-sm text-accent underline">
            {t("filter.clear")}
          </Link>
        ) : null}
      </div>
    </Form>
  );
}
