import { countDecimals, formatDecimalGrouped, toUnits } from "@cryptotrade/contract/money";

/** USDT values are shown with cents. */
const VALUE_PLACES = 2;

/** A USDT value for reading: "12,345.67" (cut, never rounded up). */
export function formatValue(text: string): string {
  return formatDecimalGrouped(text, VALUE_PLACES);
}

/** An asset amount with its own decimals, grouped: "1,000.00000000". */
export function formatAmount(text: string): string {
  return formatDecimalGrouped(text, countDecimals(text));
}

/** A signed USDT change: "+12.34", "−5.00", "0.00"; and which way it went. */
export function formatSigned(text: string): { text: string; sign: "up" | "down" | "flat" } {
  const units = toUnits(text, VALUE_PLACES);
  if (units === 0n) return { text: formatDecimalGrouped("0", VALUE_PLACES), sign: "flat" };
  const shown = formatValue(text.startsWith("-") ? text.slice(1) : text);
  return units > 0n ? { text: `+${shown}`, sign: "up" } : { text: `−${shown}`, sign: "down" };
}

/** A decimal string as a float, for drawing only (chart geometry), never for display. */
export function toPlotNumber(text: string | null): number {
  const value = Number(text ?? "0");
  return Number.isFinite(value) ? value : 0;
}
