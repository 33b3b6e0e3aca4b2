import { isZeroDecimal } from "@cryptotrade/contract/money";
import { useTranslation } from "react-i18next";
import { useNumbers } from "~/lib/use-viewer";
import { formatValue } from "./money";
import { SignedValue } from "./signed-value";
import type { PortfolioSummary } from "./types";

/**
 * The total value in USDT, large, with the change since this time yesterday as the server
 * counts it: deposits and withdrawals of the day are not gains or losses.
 */
export function PortfolioTotal({
  totalValue,
  today,
}: {
  totalValue: string;
  today: PortfolioSummary["today"];
}) {
  const { t } = useTranslation("portfolio");
  const { n } = useNumbers();
  return (
    <section aria-labelledby="total-value" className="rounded-lg border border-border p-4">
      <h2 id="total-value" className="text-sm font-medium text-muted">
        {t("total.title")}
      </h2>
      <p className="mt-1 text-3xl font-semibold tabular" data-testid="total-value">
        {n(formatValue(totalValue))} <span className="text-lg font-normal text-muted">USDT</span>
      </p>
      <p className="mt-1 text-sm" data-testid="day-change">
        {today ? (
          <>
            <span className="text-muted">{t("total.today")}</span>
            <SignedValue value={today.amount} suffix=" USDT" />
            {today.percent === null ? null : (
              <>
                {" ("}
                <SignedValue value={today.percent} suffix="%" />)
              </>
            )}
          </>
        ) : (
          <span className="text-muted">{t("total.noHistory")}</span>
        )}
      </p>
      {today && !isZeroDecimal(today.netTransfers) ? (
        <p className="mt-0.5 text-xs text-muted" data-testid="day-transfers">
          {t("total.transfers", { amount: n(signed(today.netTransfers)) })}
        </p>
      ) : null}
    </section>
  );
}

function signed(text: string): string {
  return text.startsWith("-") ? `−${formatValue(text.slice(1))}` : `+${formatValue(text)}`;
}
