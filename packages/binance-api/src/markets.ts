import type { RouterOutputs } from "@cryptotrade/api";
import type { Procedures } from "./binance-api";
import { BinanceError } from "./binance-errors";
import type { MarketsNamed } from "./params";
import { toBinanceSymbol } from "./symbols";

/** A market as `market.list` describes it. */
export type MarketView = RouterOutputs["market"]["list"][number];

const INVALID_SYMBOL = () => new BinanceError(-1121, "Invalid symbol.");

/**
 * The markets a request names, in the order it names them (all of them, in the exchange's
 * order, when it names none). A name no market has is -1121, as on Binance.
 */
export async function marketsNamed(
  procedures: Procedures,
  named: MarketsNamed,
): Promise<MarketView[]> {
  const markets = await procedures.market.list();
  if ("all" in named) return markets;
  const bySymbol = new Map(markets.map((market) => [toBinanceSymbol(market.symbol), market]));
  const symbols = "one" in named ? [named.one] : named.some;
  return symbols.map((symbol) => {
    const market = bySymbol.get(symbol);
    if (!market) throw INVALID_SYMBOL();
    return market;
  });
}

/** The one market a request names with `symbol`. */
export async function marketNamed(procedures: Procedures, symbol: string): Promise<MarketView> {
  const [market] = await marketsNamed(procedures, { one: symbol });
  if (!market) throw INVALID_SYMBOL();
  return market;
}
