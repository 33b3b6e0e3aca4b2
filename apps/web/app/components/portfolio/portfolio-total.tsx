import { dayChange } from "./day-change";
import { formatValue } from "./money";
import { SignedValue } from "./signed-value";
import type { HistoryPoint } from "./types";

/** The total value in USDT, large, with the change since this time yesterday. */
export function PortfolioTotal({
  totalValue,
  dayPoints,
}: {
  totalValue: string;
  dayPoints: ReadonlyArray<Pick<HistoryPoint, "totalValue">>;
}) {
  const change = dayChange(totalValue, dayPoints);
  return (
    <section aria-labelledby="total-value" className="rounded-lg border border-border p-4">
      <h2 id="total-value" className="text-sm font-medium text-muted">
        Total value
      </h2>
      <p className="mt-1 text-3xl font-semibold tabular" data-testid="total-value">
        {formatValue(totalValue)} <span className="text-lg font-normal text-muted">USDT</span>
      </p>
      <p className="mt-1 text-sm" data-testid="day-change">
        {change ? (
          <>
            <span className="text-muted">Today: </span>
            <SignedValue value={change.amount} suffix=" USDT" /> (
            <SignedValue value={change.percent} suffix="%" />)
          </>
        ) : (
          <span className="text-muted">Today's change shows once there is a day of history.</span>
        )}
      </p>
    </section>
  );
}
