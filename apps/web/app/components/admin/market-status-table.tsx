import { useState } from "react";
import { useRevalidator } from "react-router";
import { readCallErrors } from "~/components/account/mutation-errors";
import { FormAlert } from "~/components/form-alert";
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
  const revalidator = useRevalidator();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function toggle(market: AdminMarket) {
    setBusy(market.symbol);
    setError(null);
    try {
      const changed =
        market.status === "halted"
          ? await client.admin.resumeMarket.mutate({ symbol: market.symbol })
          : await client.admin.haltMarket.mutate({ symbol: market.symbol });
      setDone(`${changed.symbol} is now ${changed.status === "halted" ? "halted" : "trading"}.`);
      await revalidator.revalidate();
    } catch (failure) {
      setError(readCallErrors(failure).form ?? "The change failed");
    } finally {
      setBusy(null);
    }
  }

  return (
    <div>
      <FormAlert message={error} />
      <p role="status" className="text-sm text-buy">
        {done}
      </p>
      <div className="relative overflow-x-auto">
        <table className="w-full min-w-[40rem] text-sm">
          <caption className="sr-only">Markets</caption>
          <thead className="text-left text-muted">
            <tr>
              <th scope="col" className="py-2 pr-3 font-medium">
                Market
              </th>
              <th scope="col" className="py-2 pr-3 font-medium">
                Status
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                Tick
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                Lot
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                Min–max quantity
              </th>
              <th scope="col" className="py-2 pr-3 text-right font-medium">
                Min notional
              </th>
              <th scope="col" className="py-2 font-medium">
                <span className="sr-only">Action</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
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
          </tbody>
        </table>
      </div>
    </div>
  );
}
