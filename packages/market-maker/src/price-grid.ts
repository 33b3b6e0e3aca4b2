/**
 * Rounds a bot's float price onto a market's tick grid and writes it as a decimal string.
 * The bot may think in floats; what it sends is always an exact decimal on the grid.
 */
export function toTickString(price: number, tickSize: string): string {
  const decimals = tickSize.includes(".")
    ? (tickSize.split(".")[1]?.replace(/0+$/, "").length ?? 0)
    : 0;
  const tick = Number(tickSize);
  const ticks = Math.max(1, Math.round(price / tick));
  return (ticks * tick).toFixed(decimals);
}

/** A quantity in whole lots, at least `minimum`, as a decimal string. */
export function toLotString(quantity: number, lotSize: string, minimum: string): string {
  const decimals = lotSize.includes(".")
    ? (lotSize.split(".")[1]?.replace(/0+$/, "").length ?? 0)
    : 0;
  const lot = Number(lotSize);
  const lots = Math.max(Math.ceil(Number(minimum) / lot), Math.round(quantity / lot));
  return (lots * lot).toFixed(decimals);
}
