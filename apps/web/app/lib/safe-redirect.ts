const SAME_SITE = "http://same-site.invalid";

/**
 * Any C0 control, DEL, or backslash: browsers drop tabs and newlines from URLs and read `\` as
 * `/`, so `/\evil.example` and `/\t/evil.example` both mean `//evil.example`, another site.
 */
function hasUnsafeCharacter(path: string): boolean {
  for (let i = 0; i < path.length; i++) {
    const code = path.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

/** Whether `path` is a path on this site as written, not a way to another origin. */
function isLocalPath(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//") || hasUnsafeCharacter(path)) return false;
  return new URL(path, SAME_SITE).origin === SAME_SITE;
}

/** `value` percent-decoded until it stops changing, or null when it does not decode. */
function decodeFully(value: string): string | null {
  let current = value;
  // Each round removes a layer of encoding; a handful covers any honest link.
  for (let round = 0; round < 5; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      // Malformed escapes: not a link this site made, so not one to follow.
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

/**
 * Where to send someone after a form (sign-in, theme): `to` when it is a path on this site,
 * otherwise `fallback`. Every redirect the web app takes from a request goes through here.
 * Refused: other origins and schemes (`https://…`, `javascript:`), protocol-relative `//…`,
 * backslashes (`/\evil.example`), control characters, and the same hidden under percent
 * encoding (`/%5Cevil.example`, `%2F%2Fevil.example`), which a proxy or a later hop may decode.
 *
 * @example
 * safeRedirect("/trade/BTC-USDT?x=1"); // "/trade/BTC-USDT?x=1"
 * safeRedirect("/\\evil.example"); // "/"
 */
export function safeRedirect(to: FormDataEntryValue | string | null, fallback = "/"): string {
  if (typeof to !== "string" || !isLocalPath(to)) return fallback;
  const decoded = decodeFully(to);
  if (decoded === null || !isLocalPath(decoded)) return fallback;
  return to;
}
