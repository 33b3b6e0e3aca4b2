import type { MarketRules } from "./order-form-model";
import type { FillView } from "./orders-cache";
import { shown, timeOf } from "./orders-format";
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
  return (
    <TableState loading={loading} error={error} empty={fills.length === 0} emptyText="No fills yet">
      <table className="w-full min-w-[36rem] text-xs">
        <caption className="sr-only">Fills</caption>
        <thead className="text-muted">
          <tr className="border-b border-border">
            <th scope="col" className="py-1.5 text-left font-medium">
              Time
            </th>
            <th scope="col" className="text-left font-medium">
              Side
            </th>
            <th scope="col" className="text-right font-medium">
              Price ({rules.quoteAsset})
            </th>
            <th scope="col" className="text-right font-medium">
              Quantity ({rules.baseAsset})
            </th>
            <th scope="col" className="text-right font-medium">
              Fee ({rules.quoteAsset})
            </th>
            <th scope="col" className="pl-3 text-left font-medium">
              Role
            </th>
          </tr>
        </thead>
        <tbody>
          {fills.map((fill) => (
            <tr key={`${fill.id}-${fill.orderId}`} className="border-b border-border/60">
              <td className="tabular py-1.5 text-muted">{timeOf(fill.time)}</td>
              <td>
                <OrderSide side={fill.side} />
              </td>
              <td className="tabular text-right">{shown(fill.price, rules.priceDecimals)}</td>
              <td className="tabular text-right">{shown(fill.quantity, rules.quantityDecimals)}</td>
              <td className="tabular text-right">{fill.fee}</td>
              <td className="pl-3">{fill.liquidity === "maker" ? "Maker" : "Taker"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableState>
  );
}
