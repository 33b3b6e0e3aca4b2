import { useFetchers, useRouteLoaderData } from "react-router";
import type { loader as rootLoader } from "~/root";
import {
  type ColorScheme,
  isThemePreference,
  resolveColorScheme,
  type ThemePreference,
} from "./theme";

/** The theme being shown: a choice still being saved wins over the saved one (no lag). */
export function useTheme(): { preference: ThemePreference; scheme: ColorScheme } {
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const pending = useFetchers().find((fetcher) => fetcher.formAction === "/theme");
  const optimistic = pending?.formData?.get("theme");
  const preference = isThemePreference(optimistic)
    ? optimistic
    : (root?.theme.preference ?? "system");
  return { preference, scheme: resolveColorScheme(preference, root?.theme.hint ?? null) };
}
