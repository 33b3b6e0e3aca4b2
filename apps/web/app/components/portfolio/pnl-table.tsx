import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table";
import { useNumbers } from "~/lib/use-viewer";
import { formatAmount, formatValue } from "./money";
import { SignedValue } from "./signed-value";
import type { PortfolioSummary } from "./types";

const CELL = "px-3 py-2 text-right tabular";

/** Realized and unrealized profit and loss per asset on average cost, with how it is worked out. */
export function PnlTable({ summary }: { summary: PortfolioSummary }) {
  const { t } = useTranslation("portfolio");
  const { n } = useNumbers();
  return (
    <section aria-labelledby="pnl-heading" className="min-w-0">
      <h2 id="pnl-heading" className="mb-2 text-lg font-semibold">
        {t("pnl.title")}
      </h2>
      {summary.assets.length === 0 ? (
        <p className="rounded-lg border border-dashed border-border px-4 py-6 text-center text-sm text-muted">
          {t("pnl.none")}
        </p>
      ) : (
        <DataTable
          caption={t("pnl.caption")}
          density="boxed"
          columns={[
            { name: t("pnl.asset") },
            { name: t("pnl.position"), align: "right", className: "hidden sm:table-cell" },
            { name: t("pnl.averageCost"), align: "right" },
            { name: t("pnl.unrealized"), align: "right" },
            { name: t("pnl.realized"), align: "right" },
          ]}
          footer={
            <tr className="border-t border-border font-semibold">
              <th scope="row" colSpan={2} className="px-3 py-2 text-left">
                {t("pnl.total")}
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
      <p className="mt-2 text-xs text-muted">{t("pnl.method")}</p>
    </section>
  );
}
