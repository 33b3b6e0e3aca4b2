import type { RouterOutputs } from "@cryptotrade/api";
import type { Procedures } from "./binance-api";
import { BinanceError } from "./binance-errors";
import type { EndpointCall } from "./endpoint";
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

/**
 * The markets by Binance's name, as `market.list` gave them a moment ago. Every order names
 * its market, and asking `market.list` each time made every order two procedure calls (ADR
 * 038). A name it does not know asks again at once (a market just added), and the list it
 * answers from is at most `maxAgeMs` old; `orders.place` and the other procedures check each
 * request against the market as it is now, so an older tick or status here only decides which
 * market a name means. Lists of markets (`exchangeInfo`, tickers) read `market.list` afresh.
 */
export class MarketDirectory {
  private cached: { readAt: number; bySymbol: Map<string, MarketView> } | undefined;

  constructor(
    private readonly maxAgeMs = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  async named(procedures: Procedures, symbol: string): Promise<MarketView> {
    const fresh = this.cached && this.now() - this.cached.readAt < this.maxAgeMs;
    const known = fresh ? this.cached?.bySymbol.get(symbol) : undefined;
    if (known) return known;
    const markets = await procedures.market.list();
    this.cached = {
      readAt: this.now(),
      bySymbol: new Map(markets.map((market) => [toBinanceSymbol(market.symbol), market])),
    };
    const market = this.cached.bySymbol.get(symbol);
    if (!market) throw INVALID_SYMBOL();
    return market;
  }
}

/** The one market a request names with `symbol`, through the app's `MarketDirectory`. */
export async function marketNamed(c: EndpointCall, symbol: string): Promise<MarketView> {
  return c.var.markets.named(await c.var.procedures(), symbol);
}
