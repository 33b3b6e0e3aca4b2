import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table";
import { useTRPC } from "~/trpc/react";
import type { BalanceView } from "./orders-cache";
import { TableState } from "./orders-table-state";

/** What the demo faucet gives of each asset per click: enough to try every order type. */
const DEMO_GRANTS: Record<string, string> = { USDT: "100000", BTC: "2", ETH: "20", SOL: "200" };

/** Every asset's available, locked and total balance; in demo mode, a button for free funds. */
export function BalancesTable({
  balances,
  loading,
  error,
  assets,
}: {
  balances: BalanceView[];
  loading: boolean;
  error: string | null;
  /** The market's two assets, which the faucet tops up. */
  assets: [string, string];
}) {
  const { t } = useTranslation("trade");
  return (
    <div className="flex flex-col gap-2">
      <DemoFunds assets={assets} />
      <TableState
        loading={loading}
        error={error}
        empty={balances.length === 0}
        emptyText={t("balances.empty")}
      >
        <DataTable
          caption={t("balances.caption")}
          density="compact"
          className="min-w-[24rem]"
          columns={[
            { name: t("balances.asset") },
            { name: t("balances.available"), align: "right" },
            { name: t("balances.locked"), align: "right" },
            { name: t("balances.total"), align: "right" },
          ]}
        >
          {balances.map((row) => (
            <tr key={row.asset} className="border-b border-border/60">
              <th scope="row" className="py-1.5 text-left font-medium">
                {row.asset}
              </th>
              <td className="tabular text-right">{row.available}</td>
              <td className="tabular text-right">{row.locked}</td>
              <td className="tabular text-right">{row.total}</td>
            </tr>
          ))}
        </DataTable>
      </TableState>
    </div>
  );
}

function DemoFunds({ assets }: { assets: [string, string] }) {
  const { t } = useTranslation("trade");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const faucet = useQuery(trpc.wallet.faucet.queryOptions());
  const [message, setMessage] = useState("");
  const deposit = useMutation(trpc.wallet.deposit.mutationOptions());
  if (!faucet.data?.open) return null;

  const grant = async () => {
    setMessage(t("balances.adding"));
    try {
      const granted: string[] = [];
      for (const asset of assets) {
        const amount = DEMO_GRANTS[asset] ?? "100";
        await deposit.mutateAsync({ asset, amount });
        granted.push(`${amount} ${asset}`);
      }
      setMessage(t("balances.added", { first: granted[0], second: granted[1] }));
    } catch (failure) {
      setMessage(failure instanceof Error ? failure.message : t("balances.refused"));
    } finally {
      void queryClient.invalidateQueries(trpc.portfolio.balances.queryFilter());
    }
  };
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-surface-raised px-3 py-2 text-xs">
      <p role="status" aria-live="polite" className="text-muted">
        {message || t("balances.demo")}
      </p>
      <button
        type="button"
        onClick={() => void grant()}
        disabled={deposit.isPending}
        className="rounded-md bg-accent px-3 py-1 font-semibold text-on-accent disabled:opacity-70"
      >
        {t("balances.get")}
      </button>
    </div>
  );
}
