import { countDecimals, trimDecimal } from "@cryptotrade/contract/money";

/**
 * Rounds a bot's float price onto a market's tick grid and writes it as a decimal string.
 * The bot may think in floats; what it sends is always an exact decimal on the grid.
 *
 * @example
 * toTickString(65000.1234, "0.01") // "65000.12"
 */
export function toTickString(price: number, tickSize: string): string {
  const tick = Number(tickSize);
  const ticks = Math.max(1, Math.round(price / tick));
  return (ticks * tick).toFixed(placesOf(tickSize));
}

/**
 * A quantity in whole lots, at least `minimum`, as a decimal string.
 *
 * @example
 * toLotString(0.01234, "0.001", "0.001") // "0.012"
 */
export function toLotString(quantity: number, lotSize: string, minimum: string): string {
  const lot = Number(lotSize);
  const lots = Math.max(Math.ceil(Number(minimum) / lot), Math.round(quantity / lot));
  return (lots * lot).toFixed(placesOf(lotSize));
}

/** The places a step needs: "0.010000" → 2. */
function placesOf(step: string): number {
  return countDecimals(trimDecimal(step));
}
