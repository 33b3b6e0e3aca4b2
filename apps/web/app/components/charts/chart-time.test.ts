import { describe, expect, it } from "vitest";
import { chartTimeFormatters } from "./chart-time";

// 2026-12-07 15:03:31 UTC.
const SECONDS = Date.UTC(2026, 11, 7, 15, 3, 31) / 1000;

describe("the chart's time labels", () => {
  it("are in the viewer's zone, not UTC", () => {
    const tokyo = chartTimeFormatters({ timeZone: "Asia/Tokyo", locale: "en-GB" });
    expect(tokyo.tick(SECONDS, 3)).toBe("00:03");
    expect(tokyo.tick(SECONDS, 2)).toBe("8");
    expect(tokyo.crosshair(SECONDS)).toBe("8 Dec 2026, 00:03");
  });

  it("say UTC until the viewer's zone is known", () => {
    const unknown = chartTimeFormatters({ timeZone: null, locale: "en-GB" });
    expect(unknown.tick(SECONDS, 3)).toBe("15:03");
    expect(unknown.crosshair(SECONDS)).toBe("7 Dec 2026, 15:03 UTC");
  });

  it("write the viewer's locale", () => {
    const berlin = chartTimeFormatters({ timeZone: "Europe/Berlin", locale: "de-DE" });
    expect(berlin.tick(SECONDS, 1)).toMatch(/^Dez/);
    expect(berlin.tick(SECONDS, 4)).toBe("16:03:31");
  });
});
