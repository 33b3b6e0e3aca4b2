import { isCandleInterval } from "./candle-intervals";
import type { Preferences } from "./preferences";

export type { Preferences };

// The choices and defaults without their zod schemas (those are in ./preferences), so a page that
// only needs a list or a default does not carry zod.

/** The languages the web app is written in; null follows the browser. */
export const LANGUAGES = ["en", "de", "zh"] as const;
export type Language = (typeof LANGUAGES)[number];

/** The studies the candle chart can draw. */
export const CHART_INDICATORS = ["volume", "ma", "ema", "bollinger", "rsi", "macd"] as const;
export type ChartIndicator = (typeof CHART_INDICATORS)[number];

/** Order kinds whose entry can ask "are you sure?" first, and the "Cancel all" button. */
export const CONFIRMABLE_ACTIONS = ["market", "limit", "stop", "cancelAll"] as const;

/** What a trader who never changed anything gets. */
export const DEFAULT_PREFERENCES: Preferences = {
  language: null,
  chart: { indicators: ["volume"], interval: null },
  notifications: { sound: false, browser: false },
  confirmations: { market: true, limit: false, stop: true, cancelAll: true },
  favouriteMarkets: [],
};

/**
 * The `chart` section's rule (known studies, no more of them than there are, a known interval
 * or none) without zod, for a page that reads one it kept itself. It must agree with the
 * `Preferences` schema, which preferences.test.ts checks.
 *
 * @example
 * isChartPreferences({ indicators: ["rsi"], interval: "1h" }); // true
 */
export function isChartPreferences(value: unknown): value is Preferences["chart"] {
  if (value === null || typeof value !== "object") return false;
  const { indicators, interval } = value as Record<string, unknown>;
  return (
    Array.isArray(indicators) &&
    indicators.length <= CHART_INDICATORS.length &&
    indicators.every((name) => (CHART_INDICATORS as readonly unknown[]).includes(name)) &&
    (interval === null || (typeof interval === "string" && isCandleInterval(interval)))
  );
}
