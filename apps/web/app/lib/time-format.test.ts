import { describe, expect, it } from "vitest";
import { formatClock, formatMoment, formatRecent, UNKNOWN_TIME } from "./time-format";

const tokyo = { timeZone: "Asia/Tokyo", locale: "en-US" };
// 00:03:31 in Tokyo, 15:03:31 UTC the day before.
const justAfterMidnight = new Date("2026-12-07T15:03:31Z");

describe("time formatting", () => {
  it("writes the hour after midnight as 00, never 24", () => {
    expect(formatClock(justAfterMidnight, tokyo)).toBe("00:03:31");
    expect(formatClock(justAfterMidnight, { ...tokyo, locale: "de-DE" })).toBe("00:03:31");
  });

  it("shows no clock time before the viewer's zone is known", () => {
    expect(formatClock(justAfterMidnight, { timeZone: null, locale: "en-US" })).toBe(UNKNOWN_TIME);
  });

  it("writes records with the date and the zone, in UTC when the zone is unknown", () => {
    expect(formatMoment(justAfterMidnight, { timeZone: null, locale: "en-GB" })).toBe(
      "7 Dec 2026, 15:03 UTC",
    );
    expect(formatMoment(justAfterMidnight, { timeZone: "Asia/Tokyo", locale: "en-GB" })).toBe(
      "8 Dec 2026, 00:03 GMT+9",
    );
    expect(formatMoment(null, tokyo)).toBe("—");
  });

  it("gives the date only to times that are not on the viewer's today", () => {
    const sameTokyoDay = new Date("2026-12-08T02:00:00Z");
    expect(formatRecent(justAfterMidnight, tokyo, sameTokyoDay)).toBe("00:03:31");
    const nextTokyoDay = new Date("2026-12-08T15:00:00Z");
    expect(formatRecent(justAfterMidnight, tokyo, nextTokyoDay)).toBe("12/08/26, 00:03");
  });
});
