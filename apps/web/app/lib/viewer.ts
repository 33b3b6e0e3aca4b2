/**
 * Who is looking, as far as formatting goes: the time zone and locale of their browser. The
 * head script writes both into cookies (client hints) on every visit, so the server renders
 * the next page the way the browser will; on a first visit the zone is not known yet (null).
 */
export interface Viewer {
  /** An IANA zone ("Asia/Tokyo"), or null until the browser has said. */
  timeZone: string | null;
  /** A BCP 47 tag ("de-DE"). */
  locale: string;
}

export const TIME_ZONE_COOKIE = "ct_tz";
export const LOCALE_COOKIE = "ct_locale";

/** The locale a page is written in until the browser has said which it uses. */
export const DEFAULT_LOCALE = "en-US";

/**
 * Whether `value` is a time zone this runtime knows (a cookie is the browser's word, not ours).
 *
 * @example
 * isTimeZone("Asia/Tokyo"); // true
 * isTimeZone("Mars/Olympus"); // false
 */
export function isTimeZone(value: string | null): value is string {
  if (!value || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The locale if this runtime can format in it, else the default.
 *
 * @example
 * supportedLocale("de-DE"); // "de-DE"
 * supportedLocale("not a locale"); // "en-US"
 */
export function supportedLocale(value: string | null): string {
  if (!value || value.length > 35) return DEFAULT_LOCALE;
  try {
    return Intl.NumberFormat.supportedLocalesOf([value])[0] ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}
