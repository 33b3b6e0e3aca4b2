import type { RouterOutputs } from "@cryptotrade/api";
import { Link } from "react-router";
import { PriceChange } from "./price-change";

type Market = RouterOutputs["market"]["list"][number];
type Ticker = RouterOutputs["market"]["tickers"][number];

/** Every market with its last price and 24-hour change, each linking to its trade page. */
export function MarketTable({ markets, tickers }: { markets: Market[]; tickers: Ticker[] }) {
  const tickerOf = new Map(tickers.map((ticker) => [ticker.symbol, ticker]));
  if (markets.length === 0) {
    return <p className="text-muted">No markets are listed yet.</p>;
  }
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full text-sm">
        <caption className="sr-only">Markets</caption>
        <thead className="bg-surface-raised text-muted">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">
              Market
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              Last price
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium">
              24h change
            </th>
          </tr>
        </thead>
        <tbody>
          {markets.map((market) => {
            const ticker = tickerOf.get(market.symbol);
            return (
              <tr key={market.symbol} className="border-t border-border">
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link to={`/trade/${market.symbol}`} className="text-accent hover:underline">
                    {market.symbol}
                  </Link>
                </th>
                <td className="tabular px-3 py-2 text-right">{ticker?.last ?? "–"}</td>
                <td className="px-3 py-2 text-right">
                  <PriceChange percent={ticker?.changePercent ?? null} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
