import type { RouterOutputs } from "@cryptotrade/api";
import { shown } from "~/components/trade/orders-format";

type Market = RouterOutputs["market"]["list"][number];

/** How a market's rows are shown: its assets and the decimals of its prices and sizes. */
export interface MarketFormat {
  baseAsset: string;
  quoteAsset: string;
  price(text: string | null): string;
  size(text: string | null): string;
}

/**
 * Each market's formats by symbol, for tables that mix markets; an unknown symbol (a market
 * removed since) shows its amounts as the server wrote them.
 *
 * @example
 * marketFormats(markets)("BTC-USDT").price("30000.000000"); // "30000.00"
 */
export function marketFormats(markets: readonly Market[]): (symbol: string) => MarketFormat {
  const formats = new Map(
    markets.map((market) => [
      market.symbol,
      {
        baseAsset: market.baseAsset,
        quoteAsset: market.quoteAsset,
        price: (text: string | null) => shown(text, market.priceDecimals),
        size: (text: string | null) => shown(text, market.quantityDecimals),
      },
    ]),
  );
  return (symbol) => {
    const known = formats.get(symbol);
    if (known) return known;
    const [base = "", quote = ""] = symbol.split("-");
    return { baseAsset: base, quoteAsset: quote, price: (t) => t ?? "—", size: (t) => t ?? "—" };
  };
}
