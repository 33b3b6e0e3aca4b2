import { isZeroDecimal } from "@cryptotrade/contract/money";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table";
import { useNumbers } from "~/lib/use-viewer";
import { formatAmount, formatValue } from "./money";
import type { BalanceRow } from "./types";

const CELL = "px-3 py-2 text-right tabular";
// On a phone the row keeps what matters most (available and value); locked and total come back
// from the small breakpoint up.
const WIDE = "hidden sm:table-cell";

/** Every asset held: available, locked in orders or withdrawals, total, and value in USDT. */
export function BalancesTable({ balances }: { balances: BalanceRow[] }) {
  const { t } = useTranslation("portfolio");
  const { n } = useNumbers();
  const held = balances.filter((row) => !isZeroDecimal(row.total));
  return (
    <section aria-labelledby="balances-heading" className="min-w-0">
      <h2 id="balances-heading" className="mb-2 text-lg font-semibold">
        {t("balances.title")}
      </h2>
      <DataTable
        caption={t("balances.caption")}
        density="boxed"
        columns={[
          { name: t("balances.asset") },
          { name: t("balances.available"), align: "right" },
          { name: t("balances.locked"), align: "right", className: WIDE },
          { name: t("balances.total"), align: "right", className: WIDE },
          { name: t("balances.value"), align: "right" },
        ]}
      >
        {held.map((row) => (
          <tr key={row.asset} className="border-t border-border" data-asset={row.asset}>
            <th scope="row" className="px-3 py-2 text-left font-medium">
              {row.asset}
            </th>
            <td className={CELL}>{n(formatAmount(row.available))}</td>
            <td className={`${WIDE} ${CELL}`}>{n(formatAmount(row.locked))}</td>
            <td className={`${WIDE} ${CELL}`}>{n(formatAmount(row.total))}</td>
            <td className={CELL}>
              {row.value === null ? (
                <span className="text-muted" title={t("balances.noPrice")}>
                  –
                </span>
              ) : (
                n(formatValue(row.value))
              )}
            </td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
