import { readCookie } from "./cookies.server";
import {
  COLOR_SCHEME_HINT_COOKIE,
  type ColorScheme,
  isThemePreference,
  type ThemePreference,
} from "./theme";

const THEME_COOKIE = "theme";
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The request's theme: the saved choice (or "system") and the device's scheme, if known. */
export function readTheme(request: Request): {
  preference: ThemePreference;
  hint: ColorScheme | null;
} {
  const saved = readCookie(request, THEME_COOKIE);
  const hint = readCookie(request, COLOR_SCHEME_HINT_COOKIE);
  return {
    preference: isThemePreference(saved) ? saved : "system",
    hint: hint === "dark" || hint === "light" ? hint : null,
  };
}

/** The Set-Cookie that remembers a choice; "system" forgets it. */
export function serializeThemeCookie(preference: ThemePreference): string {
  const attributes = "Path=/; SameSite=Lax";
  return preference === "system"
    ? `${THEME_COOKIE}=; ${attributes}; Max-Age=0`
    : `${THEME_COOKIE}=${preference}; ${attributes}; Max-Age=${ONE_YEAR_SECONDS}`;
}
