import { useSyncExternalStore } from "react";
import { useFetchers, useRouteLoaderData } from "react-router";
import type { loader as rootLoader } from "~/root";
import {
  type ColorScheme,
  isThemePreference,
  resolveColorScheme,
  type ThemePreference,
} from "./theme";

const DARK_QUERY = "(prefers-color-scheme: dark)";

function subscribeToDeviceScheme(onChange: () => void): () => void {
  const query = matchMedia(DARK_QUERY);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

function readDeviceScheme(): ColorScheme {
  return matchMedia(DARK_QUERY).matches ? "dark" : "light";
}

/**
 * The device's scheme: on the server the client hint's (or null on a first visit), in the
 * browser `prefers-color-scheme` itself, live. React renders the server's value while
 * hydrating and the device's right after, so the `dark` class on <html> is always React's
 * own and a later choice (or an OS switch) repaints without a reload.
 */
function useDeviceScheme(hint: ColorScheme | null): ColorScheme | null {
  return useSyncExternalStore(subscribeToDeviceScheme, readDeviceScheme, () => hint);
}

/** The theme being shown: a choice still being saved wins over the saved one (no lag). */
export function useTheme(): { preference: ThemePreference; scheme: ColorScheme } {
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const pending = useFetchers().find((fetcher) => fetcher.formAction === "/theme");
  const optimistic = pending?.formData?.get("theme");
  const preference = isThemePreference(optimistic)
    ? optimistic
    : (root?.theme.preference ?? "system");
  const device = useDeviceScheme(root?.theme.hint ?? null);
  return { preference, scheme: resolveColorScheme(preference, device) };
}
