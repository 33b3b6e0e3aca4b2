import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table";
import { useNumbers, useTimeFormat } from "~/lib/use-viewer";
import type { MarketRules } from "./order-form/model";
import type { FillView } from "./orders-cache";
import { shown } from "./orders-format";
import { OrderSide } from "./orders-side";
import { TableState } from "./orders-table-state";

/** The trader's fills in this market, newest first, with fee and maker/taker. */
export function FillsTable({
  rules,
  fills,
  loading,
  error,
}: {
  rules: MarketRules;
  fills: FillView[];
  loading: boolean;
  error: string | null;
}) {
  const { t } = useTranslation("trade");
  const time = useTimeFormat();
  const { n } = useNumbers();
  return (
    <TableState
      loading={loading}
      error={error}
      empty={fills.length === 0}
      emptyText={t("fills.empty")}
    >
      <DataTable
        caption={t("fills.caption")}
        density="compact"
        className="min-w-[36rem]"
        columns={[
          { name: t("open.time") },
          { name: t("open.side") },
          { name: t("open.priceIn", { asset: rules.quoteAsset }), align: "right" },
          { name: t("open.quantityIn", { asset: rules.baseAsset }), align: "right" },
          { name: t("fills.fee", { asset: rules.quoteAsset }), align: "right" },
          { name: "Role", className: "pl-3" },
        ]}
      >
        {fills.map((fill) => (
          <tr key={`${fill.id}-${fill.orderId}`} className="border-b border-border/60">
            <td className="tabular py-1.5 text-muted">{time.recent(fill.time)}</td>
            <td>
              <OrderSide side={fill.side} />
            </td>
            <td className="tabular text-right">{n(shown(fill.price, rules.priceDecimals))}</td>
            <td className="tabular text-right">
              {n(shown(fill.quantity, rules.quantityDecimals))}
            </td>
            <td className="tabular text-right">{n(fill.fee)}</td>
            <td className="pl-3">{fill.liquidity === "maker" ? "Maker" : "Taker"}</td>
          </tr>
        ))}
      </DataTable>
    </TableState>
  );
}
