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
