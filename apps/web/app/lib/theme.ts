/** What the person chose; "system" follows the device's light or dark setting. */
export type ThemePreference = "light" | "dark" | "system";
export type ColorScheme = "light" | "dark";

export const THEME_PREFERENCES: readonly ThemePreference[] = ["light", "dark", "system"];

/** The cookie the browser's own script keeps in step with `prefers-color-scheme` (a client hint). */
export const COLOR_SCHEME_HINT_COOKIE = "CH-prefers-color-scheme";

export function isThemePreference(value: unknown): value is ThemePreference {
  return value === "light" || value === "dark" || value === "system";
}

/**
 * The scheme a page renders in: the chosen one, or the device's for "system" (light until the
 * browser has told us, the first time it visits).
 *
 * @example
 * resolveColorScheme("system", "dark"); // "dark"
 */
export function resolveColorScheme(
  preference: ThemePreference,
  hint: ColorScheme | null,
): ColorScheme {
  return preference === "system" ? (hint ?? "light") : preference;
}
