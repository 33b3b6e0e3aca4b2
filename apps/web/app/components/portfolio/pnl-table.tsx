import { DataTable } from "~/components/data-table";
import { useNumbers } from "~/lib/use-viewer";
import { formatAmount, formatValue } from "./money";
import { SignedValue } from "./signed-value";
import type { PortfolioSummary } from "./types";

const CELL = "px-3 py-2 text-right tabular";

/** Realized and unrealized profit and loss per asset on average cost, with how it is worked out. */
export function PnlTable({ summary }: { summary: PortfolioSummary }) {
  const { n } = useNumbers();
  return (
    <section aria-labelledby="pnl-heading" className="min-w-0">
      <h2 id="pnl-heading" className="mb-2 text-lg font-semibold">
        Profit and loss
      </h2>
      {summary.assets.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border px-4 py-6 text-center text-sm text-muted">
          No trades yet: profit and loss appear here after your first fill.
        </p>
      ) : (
        <DataTable
          caption="Profit and loss per asset, in USDT"
          density="boxed"
          columns={[
            { name: "Asset" },
            { name: "Bought position", align: "right", className: "hidden sm:table-cell" },
            { name: "Average cost", align: "right" },
            { name: "Unrealized", align: "right" },
            { name: "Realized", align: "right" },
          ]}
          footer={
            <tr className="border-t border-border font-semibold">
              <th scope="row" colSpan={2} className="px-3 py-2 text-left">
                Total (USDT)
              </th>
              <td className="hidden sm:table-cell" />
              <td className={CELL} data-testid="unrealized-total">
                <SignedValue value={summary.unrealizedPnl} />
              </td>
              <td className={CELL} data-testid="realized-total">
                <SignedValue value={summary.realizedPnl} />
              </td>
            </tr>
          }
        >
          {summary.assets.map((row) => (
            <tr key={row.asset} className="border-t border-border">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {row.asset}
              </th>
              <td className={`hidden sm:table-cell ${CELL}`}>{n(formatAmount(row.position))}</td>
              <td className={CELL}>{n(formatValue(row.averageCost))}</td>
              <td className={CELL}>
                <SignedValue value={row.unrealizedPnl} />
              </td>
              <td className={CELL}>
                <SignedValue value={row.realizedPnl} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <p className="mt-2 text-xs text-muted">
        How this is worked out: every buy adds its cost (price × size plus the fee) to the asset's
        position, and the average cost is that total divided by the size you still hold. A sale
        realizes its proceeds minus the average cost of what it sold and its fee. Unrealized is what
        the bought position is worth at the last trade price minus its cost. Coins that came in by
        deposit have no known cost, so they are left out of the bought position. Values in USDT.
      </p>
    </section>
  );
}
