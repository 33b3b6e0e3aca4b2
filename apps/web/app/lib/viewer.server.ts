import { readCookie } from "./cookies.server";
import type { LanguageChoice } from "./i18n/language.server";
import { formattingLocaleFor } from "./i18n/languages";
import {
  isTimeZone,
  LOCALE_COOKIE,
  supportedLocale,
  TIME_ZONE_COOKIE,
  type Viewer,
} from "./viewer";

/**
 * The viewer as the request's client-hint cookies describe them (see `Viewer`); a language the
 * person chose explicitly decides the locale numbers and dates are written in (ADR 041).
 */
export function readViewer(request: Request, choice: LanguageChoice): Viewer {
  const zone = readCookie(request, TIME_ZONE_COOKIE);
  const browserLocale = supportedLocale(readCookie(request, LOCALE_COOKIE));
  return {
    timeZone: isTimeZone(zone) ? zone : null,
    locale: choice.explicit ? formattingLocaleFor(choice.language, browserLocale) : browserLocale,
  };
}
