import { useTranslation } from "react-i18next";
import { ActionOutcome } from "~/components/action-outcome";
import { DataTable } from "~/components/data-table";
import { StatusButton } from "~/components/ui/status-button";
import { formErrorOf } from "~/lib/form-answer";
import { useFormFetcher } from "~/lib/use-form-fetcher";

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
  const { t } = useTranslation("admin");
  const { fetcher, answer, pending } = useFormFetcher(["halt-market", "resume-market"]);
  const busy = fetcher.formData?.get("symbol");

  return (
    <div>
      <ActionOutcome error={formErrorOf(answer) ?? null} done={answer?.done ?? null} />
      <DataTable
        caption={t("markets.caption")}
        density="comfortable"
        className="min-w-[40rem]"
        columns={[
          { name: t("markets.market") },
          { name: t("markets.status") },
          { name: t("markets.tick"), align: "right" },
          { name: t("markets.lot"), align: "right" },
          { name: t("markets.quantityRange"), align: "right" },
          { name: t("markets.minNotional"), align: "right" },
          { name: t("action"), hidden: true },
        ]}
      >
        {markets.map((market) => (
          <tr key={market.symbol}>
            <th scope="row" className="py-2 pr-3 text-left font-medium">
              {market.symbol}
            </th>
            <td className="py-2 pr-3">
              {market.status === "halted" ? (
                <span className="text-sell">{t("markets.halted")}</span>
              ) : (
                <span className="text-buy">{t("markets.trading")}</span>
              )}
            </td>
            <td className="py-2 pr-3 text-right tabular">{market.tickSize}</td>
            <td className="py-2 pr-3 text-right tabular">{market.lotSize}</td>
            <td className="py-2 pr-3 text-right tabular">
              {market.minQuantity}–{market.maxQuantity}
            </td>
            <td className="py-2 pr-3 text-right tabular">{market.minNotional}</td>
            <td className="py-2 text-right">
              <fetcher.Form method="post">
                <input
                  type="hidden"
                  name="intent"
                  value={market.status === "halted" ? "resume-market" : "halt-market"}
                />
                <input type="hidden" name="symbol" value={market.symbol} />
                <StatusButton
                  variant={market.status === "halted" ? "positive" : "danger"}
                  size="sm"
                  pending={busy === market.symbol}
                  disabled={pending}
                  aria-label={t(
                    market.status === "halted" ? "markets.resumeLabel" : "markets.haltLabel",
                    { symbol: market.symbol },
                  )}
                  pendingText={t("saving")}
                >
                  {market.status === "halted" ? t("markets.resume") : t("markets.halt")}
                </StatusButton>
              </fetcher.Form>
            </td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
