import { readCookie } from "./cookies.server";
import {
  isTimeZone,
  LOCALE_COOKIE,
  supportedLocale,
  TIME_ZONE_COOKIE,
  type Viewer,
} from "./viewer";

/** The viewer as the request's client-hint cookies describe them (see `Viewer`). */
export function readViewer(request: Request): Viewer {
  const zone = readCookie(request, TIME_ZONE_COOKIE);
  return {
    timeZone: isTimeZone(zone) ? zone : null,
    locale: supportedLocale(readCookie(request, LOCALE_COOKIE)),
  };
}
