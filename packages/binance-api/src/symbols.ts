/** Binance writes a market as its two assets run together: `BTCUSDT` for our `BTC-USDT`. */
export function toBinanceSymbol(symbol: string): string {
  return symbol.replace("-", "");
}
