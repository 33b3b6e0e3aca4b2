import type { Viewer } from "./viewer";

// Midnight is 00, never 24: `hour12: false` picks the h24 cycle in some ICU versions (Node's).
const HOURS = { hourCycle: "h23" } as const;

const CLOCK: Intl.DateTimeFormatOptions = {
  ...HOURS,
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
};
const MOMENT: Intl.DateTimeFormatOptions = {
  ...HOURS,
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZoneName: "short",
};
const SHORT_MOMENT: Intl.DateTimeFormatOptions = {
  ...HOURS,
  year: "2-digit",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
};
const DAY: Intl.DateTimeFormatOptions = { year: "numeric", month: "2-digit", day: "2-digit" };

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per locale, zone and shape, made once: they are costly to build. */
function formatter(viewer: Viewer, timeZone: string, name: string, options: object) {
  const key = `${viewer.locale}|${timeZone}|${name}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(viewer.locale, { ...options, timeZone });
    formats.set(key, format);
  }
  return format;
}

/** Shown instead of a clock time until the viewer's zone is known (first visit, before hydration). */
export const UNKNOWN_TIME = "––:––:––";

function toDate(time: Date | string): Date {
  return typeof time === "string" ? new Date(time) : time;
}

/**
 * A time of day in the viewer's zone, 24-hour: "00:03:31". Before the zone is known, a
 * placeholder: a time in another zone without a label would be a wrong time.
 *
 * @example
 * formatClock(new Date("2026-12-07T15:03:31Z"), { timeZone: "Asia/Tokyo", locale: "en-US" }); // "00:03:31"
 */
export function formatClock(time: Date | string, viewer: Viewer): string {
  if (!viewer.timeZone) return UNKNOWN_TIME;
  return formatter(viewer, viewer.timeZone, "clock", CLOCK).format(toDate(time));
}

/**
 * A moment with its date and zone, for records: "Dec 8, 2026, 00:03 GMT+9"; in UTC (and
 * saying so) until the viewer's zone is known. "—" for no time.
 *
 * @example
 * formatMoment(new Date("2026-12-07T15:03:31Z"), { timeZone: null, locale: "en-GB" }); // "7 Dec 2026, 15:03 UTC"
 */
export function formatMoment(time: Date | string | null | undefined, viewer: Viewer): string {
  if (!time) return "—";
  const date = toDate(time);
  if (Number.isNaN(date.getTime())) return "—";
  return formatter(viewer, viewer.timeZone ?? "UTC", "moment", MOMENT).format(date);
}

/**
 * A time of day when it fell on the viewer's today, else a short date and time: for order
 * and fill tables.
 *
 * @example
 * formatRecent(order.createdAt, viewer, new Date()); // "14:05:09" or "12/06/26, 23:58"
 */
export function formatRecent(time: Date | string, viewer: Viewer, now: Date): string {
  if (!viewer.timeZone) return UNKNOWN_TIME;
  const date = toDate(time);
  const day = formatter(viewer, viewer.timeZone, "day", DAY);
  return day.format(date) === day.format(now)
    ? formatClock(date, viewer)
    : formatter(viewer, viewer.timeZone, "short", SHORT_MOMENT).format(date);
}
