import type { RouterOutputs } from "@cryptotrade/api";
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
  const time = useTimeFormat();
  const { n } = useNumbers();
  if (items.length === 0) {
    return (
      <p className="rounded-lg border border-dashed border-border px-4 py-8 text-center text-sm text-muted">
        {filtered ? "No transactions match these filters." : "No deposits or withdrawals yet."}
      </p>
    );
  }
  return (
    <DataTable
      caption="Transactions, newest first"
      density="boxed"
      columns={[
        { name: "Time" },
        { name: "Type" },
        { name: "Amount", align: "right" },
        { name: "Fee", align: "right", className: WIDE },
        { name: "Status" },
        { name: "Address or note", className: WIDE },
      ]}
    >
      {items.map((t) => (
        <tr key={t.id} className="border-t border-border" data-transaction-id={t.id}>
          <td className="px-3 py-2 whitespace-nowrap tabular">
            <time dateTime={t.createdAt.toISOString()}>{time.moment(t.createdAt)}</time>
          </td>
          <td className="px-3 py-2 capitalize">{t.type}</td>
          <td className={CELL}>
            {t.type === "withdrawal" ? "−" : "+"}
            {n(formatAssetAmount(t.amount))} <span className="text-muted">{t.asset}</span>
          </td>
          <td className={`${WIDE} ${CELL}`}>
            {n(formatAssetAmount(t.fee))} <span className="text-muted">{t.asset}</span>
          </td>
          <td className="px-3 py-2 whitespace-nowrap">
            <span aria-hidden="true">{STATUS_MARK[t.status]} </span>
            <span className="capitalize">{t.status}</span>
          </td>
          <td
            className={`${WIDE} max-w-56 truncate px-3 py-2 font-mono text-xs`}
            title={t.address ?? t.note ?? ""}
          >
            {t.address ?? t.note ?? "–"}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
