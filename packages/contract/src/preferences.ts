import { z } from "zod";
import { CandleIntervalInput } from "./candles";
import { MarketSymbol } from "./inputs";
import {
  CHART_INDICATORS,
  CONFIRMABLE_ACTIONS,
  DEFAULT_PREFERENCES,
  LANGUAGES,
} from "./preference-choices";

export {
  CHART_INDICATORS,
  type ChartIndicator,
  CONFIRMABLE_ACTIONS,
  DEFAULT_PREFERENCES,
  LANGUAGES,
  type Language,
} from "./preference-choices";

const ChartPreferences = z.object({
  indicators: z.array(z.enum(CHART_INDICATORS)).max(CHART_INDICATORS.length),
  interval: CandleIntervalInput.nullable(),
});

const NotificationPreferences = z.object({
  /** A sound with a fill's toast. */
  sound: z.boolean(),
  /** The browser's own notification as well, when the page is in the background. */
  browser: z.boolean(),
});

const ConfirmationPreferences = z.object(
  Object.fromEntries(CONFIRMABLE_ACTIONS.map((action) => [action, z.boolean()])) as Record<
    (typeof CONFIRMABLE_ACTIONS)[number],
    z.ZodBoolean
  >,
);

/**
 * What a trader set up once and expects on every device: kept per user on the server
 * (`account.preferences`), not per browser.
 */
export const Preferences = z.object({
  language: z.enum(LANGUAGES).nullable(),
  chart: ChartPreferences,
  notifications: NotificationPreferences,
  confirmations: ConfirmationPreferences,
  favouriteMarkets: z.array(MarketSymbol).max(100),
});
export type Preferences = z.infer<typeof Preferences>;

/**
 * `account.updatePreferences`: any section, and within a section any field; what is left out
 * stays as it was.
 *
 * @example
 * UpdatePreferencesInput.parse({ chart: { indicators: ["ema", "rsi"] } });
 */
export const UpdatePreferencesInput = z
  .object({
    language: Preferences.shape.language,
    chart: ChartPreferences.partial(),
    notifications: NotificationPreferences.partial(),
    confirmations: ConfirmationPreferences.partial(),
    favouriteMarkets: Preferences.shape.favouriteMarkets,
  })
  .partial()
  .strict();
export type UpdatePreferencesInput = z.infer<typeof UpdatePreferencesInput>;

/**
 * `stored` (what the database holds, possibly from an older version of this schema) with
 * `update` laid over it, section by section; anything no longer valid falls back to the default.
 *
 * @example
 * mergePreferences({ language: "de" }, { chart: { indicators: ["rsi"] } }).language; // "de"
 */
export function mergePreferences(
  stored: unknown,
  update: UpdatePreferencesInput = {},
): Preferences {
  const base =
    stored !== null && typeof stored === "object" ? (stored as Record<string, unknown>) : {};
  const section = <K extends keyof Preferences>(key: K): Preferences[K] => {
    const defaults = DEFAULT_PREFERENCES[key];
    const saved = base[key];
    const next: unknown = update[key];
    const merged =
      defaults !== null && typeof defaults === "object" && !Array.isArray(defaults)
        ? {
            ...(defaults as object),
            ...(isRecord(saved) ? saved : {}),
            ...(isRecord(next) ? next : {}),
          }
        : next !== undefined
          ? next
          : saved !== undefined
            ? saved
            : defaults;
    const parsed = Preferences.shape[key].safeParse(merged);
    return (parsed.success ? parsed.data : defaults) as Preferences[K];
  };
  return {
    language: section("language"),
    chart: section("chart"),
    notifications: section("notifications"),
    confirmations: section("confirmations"),
    favouriteMarkets: section("favouriteMarkets"),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
