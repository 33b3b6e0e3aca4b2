import { countDecimals } from "@cryptotrade/contract/money";
import { groupDecimal } from "~/components/portfolio/money";

/** An asset amount with every decimal of its unit, grouped: "1,000.000000". */
export function formatAssetAmount(text: string): string {
  return groupDecimal(text, countDecimals(text));
}

/** A moment as the trader reads it in history: "2026-11-30 14:05 UTC" (the same on server and browser). */
export function formatUtc(time: Date): string {
  return `${time.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
