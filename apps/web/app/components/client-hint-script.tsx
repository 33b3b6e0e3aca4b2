import { COLOR_SCHEME_HINT_COOKIE } from "~/lib/theme";
import { LOCALE_COOKIE, TIME_ZONE_COOKIE } from "~/lib/viewer";

// Runs in <head> before the body paints: tells the server the device's scheme, time zone and
// locale (client hints in cookies, as Epic Stack does) and, for "system", fixes the class on
// <html> at once, so a first visit on a dark device never flashes light and later visits
// arrive rendered right: in the scheme, and with times in the zone and numbers in the locale.
const script = `(() => {
  const root = document.documentElement;
  const keep = (name, value) => {
    document.cookie = name + "=" + encodeURIComponent(value) + "; Path=/; Max-Age=31536000; SameSite=Lax";
  };
  const query = matchMedia("(prefers-color-scheme: dark)");
  const apply = () => {
    const scheme = query.matches ? "dark" : "light";
    keep("${COLOR_SCHEME_HINT_COOKIE}", scheme);
    if (root.dataset.themePreference === "system") root.classList.toggle("dark", scheme === "dark");
  };
  apply();
  query.addEventListener("change", apply);
  keep("${TIME_ZONE_COOKIE}", Intl.DateTimeFormat().resolvedOptions().timeZone);
  keep("${LOCALE_COOKIE}", navigator.language);
})();`;

/** The inline script that keeps the client-hint cookies current; carries the CSP nonce. */
export function ClientHintScript({ nonce }: { nonce: string }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
