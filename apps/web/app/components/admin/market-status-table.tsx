import { useRowAction } from "~/components/account/use-row-action";
import { ActionOutcome } from "~/components/action-outcome";
import { DataTable } from "~/components/data-table";
import { useTRPCClient } from "~/trpc/react";

/** A market as the admin table shows it. */
export interface AdminMarket {
  symbol: string;
  status: string;
  tickSize: string;
  lotSize: string;
  minQuantity: string;
  maxQuantity: string;
  minNotional: string;
}

/** Every market with its status; halt one (only cancels pass) or resume it. */
export function MarketStatusTable({ markets }: { markets: AdminMarket[] }) {
  const client = useTRPCClient();
  const { busy, error, done, run } = useRowAction();

  const toggle = (market: AdminMarket) =>
    run(
      market.symbol,
      async () => {
        const changed =
          market.status === "halted"
            ? await client.admin.resumeMarket.mutate({ symbol: market.symbol })
            : await client.admin.haltMarket.mutate({ symbol: market.symbol });
        return `${changed.symbol} is now ${changed.status === "halted" ? "halted" : "trading"}.`;
      },
      (errors) => errors.form ?? "The change failed",
    );

  return (
    <div>
      <ActionOutcome error={error} done={done} />
      <DataTable
        caption="Markets"
        density="comfortable"
        className="min-w-[40rem]"
        columns={[
          { name: "Market" },
          { name: "Status" },
          { name: "Tick", align: "right" },
          { name: "Lot", align: "right" },
          { name: "Min–max quantity", align: "right" },
          { name: "Min notional", align: "right" },
          { name: "Action", hidden: true },
        ]}
      >
        {markets.map((market) => (
          <tr key={market.symbol}>
            <th scope="row" className="py-2 pr-3 text-left font-medium">
              {market.symbol}
            </th>
            <td className="py-2 pr-3">
              {market.status === "halted" ? (
                <span className="text-sell">■ Halted</span>
              ) : (
                <span className="text-buy">● Trading</span>
              )}
            </td>
            <td className="py-2 pr-3 text-right tabular">{market.tickSize}</td>
            <td className="py-2 pr-3 text-right tabular">{market.lotSize}</td>
            <td className="py-2 pr-3 text-right tabular">
              {market.minQuantity}–{market.maxQuantity}
            </td>
            <td className="py-2 pr-3 text-right tabular">{market.minNotional}</td>
            <td className="py-2 text-right">
              <button
                type="button"
                disabled={busy !== null}
                onClick={() => toggle(market)}
                aria-label={`${market.status === "halted" ? "Resume" : "Halt"} ${market.symbol}`}
                className={`rounded-md border px-3 py-1 disabled:opacity-70 ${
                  market.status === "halted" ? "border-buy text-buy" : "border-sell text-sell"
                } hover:bg-surface`}
              >
                {busy === market.symbol
                  ? "Saving…"
                  : market.status === "halted"
                    ? "Resume"
                    : "Halt"}
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
