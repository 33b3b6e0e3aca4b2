import { COLOR_SCHEME_HINT_COOKIE } from "~/lib/theme";

// Runs in <head> before the body paints: tells the server the device's scheme (a client hint in
// a cookie, as Epic Stack does) and, for "system", fixes the class on <html> at once, so a first
// visit on a dark device never flashes light and later visits arrive rendered right.
const script = `(() => {
  const root = document.documentElement;
  const query = matchMedia("(prefers-color-scheme: dark)");
  const apply = () => {
    const scheme = query.matches ? "dark" : "light";
    document.cookie = "${COLOR_SCHEME_HINT_COOKIE}=" + scheme + "; Path=/; Max-Age=31536000; SameSite=Lax";
    if (root.dataset.themePreference === "system") root.classList.toggle("dark", scheme === "dark");
  };
  apply();
  query.addEventListener("change", apply);
})();`;

/** The inline script that keeps the color-scheme hint cookie current; carries the CSP nonce. */
export function ColorSchemeHintScript({ nonce }: { nonce: string }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
