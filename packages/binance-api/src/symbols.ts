/**
 * Binance writes a market as its two assets run together: `BTCUSDT` for our `BTC-USDT`. The
 * way back goes through the market list (`markets.ts`): only it knows where `ETHBTC` splits.
 */
export function toBinanceSymbol(symbol: string): string {
  return symbol.replace("-", "");
}
