import type { RouterOutputs } from "@cryptotrade/api";
import { PriceChange } from "./price-change";

type Ticker = RouterOutputs["market"]["ticker"];

/** A market's last price and 24-hour figures, as a definition list. */
export function TickerSummary({ ticker, quoteAsset }: { ticker: Ticker; quoteAsset: string }) {
  const figures: [string, string | null][] = [
    ["24h high", ticker.high],
    ["24h low", ticker.low],
    ["Best bid", ticker.bestBid],
    ["Best ask", ticker.bestAsk],
    ["24h volume", ticker.volume],
  ];
  return (
    <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
      <div>
        <dt className="text-xs text-muted">Last price ({quoteAsset})</dt>
        <dd className="tabular text-xl font-semibold" data-testid="last-price">
          {ticker.last ?? "–"}
        </dd>
      </div>
      <div>
        <dt className="text-xs text-muted">24h change</dt>
        <dd className="text-xl">
          <PriceChange percent={ticker.changePercent} />
        </dd>
      </div>
      {figures.map(([label, value]) => (
        <div key={label}>
          <dt className="text-xs text-muted">{label}</dt>
          <dd className="tabular">{value ?? "–"}</dd>
        </div>
      ))}
    </dl>
  );
}
