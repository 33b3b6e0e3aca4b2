import type { RouterOutputs } from "@cryptotrade/api";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table";
import { useNumbers, useTimeFormat } from "~/lib/use-viewer";
import { formatAssetAmount } from "./wallet-format";

type Transaction = RouterOutputs["wallet"]["transactions"]["items"][number];

const STATUS_MARK = { pending: "◷", completed: "✓", rejected: "✕" } as const;
const CELL = "px-3 py-2 text-right tabular whitespace-nowrap";
// A phone keeps time, type, amount and status; the fee and address come back on wider screens.
const WIDE = "hidden md:table-cell";

/** The trader's deposits and withdrawals, newest first, or why there are none. */
export function TransactionsTable({
  items,
  filtered,
}: {
  items: Transaction[];
  filtered: boolean;
}) {
  const { t } = useTranslation("wallet");
  const time = useTimeFormat();
  const { n } = useNumbers();
  if (items.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-border px-4 py-8 text-center text-sm text-muted">
        {filtered ? t("history.noneMatch") : t("history.none")}
      </p>
    );
  }
  return (
    <DataTable
      caption={t("history.caption")}
      density="boxed"
      columns={[
        { name: t("history.time") },
        { name: t("history.type") },
        { name: t("history.amount"), align: "right" },
        { name: t("history.fee"), align: "right", className: WIDE },
        { name: t("history.status") },
        { name: t("history.addressOrNote"), className: WIDE },
      ]}
    >
      {items.map((item) => (
        <tr key={item.id} className="border-t border-border" data-transaction-id={item.id}>
          <td className="px-3 py-2 whitespace-nowrap tabular">
            <time dateTime={item.createdAt.toISOString()}>{time.moment(item.createdAt)}</time>
          </td>
          <td className="px-3 py-2 capitalize">{t(`types.${item.type}`)}</td>
          <td className={CELL}>
            {item.type === "withdrawal" ? "−" : "+"}
            {n(formatAssetAmount(item.amount))} <span className="text-muted">{item.asset}</span>
          </td>
          <td className={`${WIDE} ${CELL}`}>
            {n(formatAssetAmount(item.fee))} <span className="text-muted">{item.asset}</span>
          </td>
          <td className="px-3 py-2 whitespace-nowrap">
            <span aria-hidden="true">{STATUS_MARK[item.status]} </span>
            <span className="capitalize">{t(`statuses.${item.status}`)}</span>
          </td>
          <td
            className={`${WIDE} max-w-56 truncate px-3 py-2 font-mono text-xs`}
            title={item.address ?? item.note ?? ""}
          >
            {item.address ?? item.note ?? "–"}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
