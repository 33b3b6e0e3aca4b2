/** The channel kind a subscription procedure streams: a bounded label, never a symbol or user. */
export function channelKindOf(procedure: string): string {
  if (procedure.endsWith("onBook")) return "book";
  if (procedure.endsWith("onTrades")) return "trades";
  if (procedure.endsWith("onTicker")) return "ticker";
  if (procedure.endsWith("onCandles")) return "candles";
  return "user";
}
