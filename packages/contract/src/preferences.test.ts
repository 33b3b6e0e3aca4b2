import { describe, expect, it } from "vitest";
import { isChartPreferences } from "./preference-choices";
import {
  DEFAULT_PREFERENCES,
  mergePreferences,
  Preferences,
  UpdatePreferencesInput,
} from "./preferences";

describe("preferences", () => {
  it("fills in defaults for a user who never chose", () => {
    expect(mergePreferences({})).toEqual(DEFAULT_PREFERENCES);
    expect(mergePreferences(null)).toEqual(DEFAULT_PREFERENCES);
  });

  it("lays an update over what is kept, field by field within a section", () => {
    const kept = mergePreferences({}, { language: "de", confirmations: { market: false } });
    const next = mergePreferences(kept, { confirmations: { cancelAll: false } });
    expect(next.language).toBe("de");
    expect(next.confirmations).toEqual({
      market: false,
      limit: false,
      stop: true,
      cancelAll: false,
    });
    expect(mergePreferences(next, { language: null }).language).toBeNull();
  });

  it("falls back to the default for a section stored by an older or broken version", () => {
    const stored = {
      chart: { indicators: ["astrology"] },
      language: "tlh",
      favouriteMarkets: ["BTC-USDT"],
    };
    const read = mergePreferences(stored);
    expect(read.chart).toEqual(DEFAULT_PREFERENCES.chart);
    expect(read.language).toBeNull();
    expect(read.favouriteMarkets).toEqual(["BTC-USDT"]);
  });

  it("refuses unknown sections, fields and values", () => {
    expect(UpdatePreferencesInput.safeParse({ theme: "dark" }).success).toBe(false);
    expect(UpdatePreferencesInput.safeParse({ chart: { indicators: ["ichimoku"] } }).success).toBe(
      false,
    );
    expect(UpdatePreferencesInput.safeParse({ favouriteMarkets: ["btc"] }).success).toBe(false);
    expect(UpdatePreferencesInput.safeParse({ chart: { interval: "1h" } }).success).toBe(true);
  });

  it("reads a kept chart section by hand exactly as the schema does", () => {
    const samples: unknown[] = [
      DEFAULT_PREFERENCES.chart,
      { indicators: ["ema", "rsi"], interval: "1h" },
      { indicators: [], interval: null },
      { indicators: ["volume", "ma", "ema", "bollinger", "rsi", "macd"], interval: "1m" },
      { indicators: ["volume", "ma", "ema", "bollinger", "rsi", "macd", "rsi"], interval: null },
      { indicators: ["astrology"], interval: null },
      { indicators: ["rsi"], interval: "7m" },
      { indicators: ["rsi"] },
      { indicators: "rsi", interval: null },
      { interval: null },
      null,
      "chart",
      [],
    ];
    for (const sample of samples) {
      expect(isChartPreferences(sample), JSON.stringify(sample)).toBe(
        Preferences.shape.chart.safeParse(sample).success,
      );
    }
  });
});
