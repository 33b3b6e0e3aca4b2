import type { Config } from "@cryptotrade/config";

type SessionConfig = Pick<Config, "session">;

/**
 * The session cookie's name. With secure cookies on it carries the `__Host-` prefix, which
 * browsers honour only with Secure, Path=/ and no Domain: no subdomain can set or shadow it.
 */
export function getSessionCookieName(config: SessionConfig): string {
  return config.session.secureCookie ? "__Host-ct_session" : "ct_session";
}

/**
 * The `Set-Cookie` value that hands a session token to a browser: HttpOnly (scripts cannot
 * read it), SameSite=Lax (not sent on cross-site POSTs), Secure when configured.
 *
 * @example
 * resHeaders.append("set-cookie", serializeSessionCookie(config, token, expiresAt, Date.now()));
 */
export function serializeSessionCookie(
  config: SessionConfig,
  token: string,
  expiresAt: Date,
  now: number,
): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now) / 1000));
  return cookie(config, token, `Max-Age=${maxAge}; Expires=${expiresAt.toUTCString()}`);
}

/** The `Set-Cookie` value that removes the session cookie (logout, dead session). */
export function serializeBlankSessionCookie(config: SessionConfig): string {
  return cookie(config, "", "Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT");
}

/**
 * The session token from a `Cookie` header, or null.
 *
 * @example
 * readSessionCookie(config, request.headers.get("cookie")); // "abc.def" | null
 */
export function readSessionCookie(config: SessionConfig, header: string | null): string | null {
  return readCookie(header, getSessionCookieName(config));
}

/** The value of cookie `name` in a `Cookie` header, or null when absent or empty. */
export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const pair of header.split(";")) {
    const separator = pair.indexOf("=");
    if (separator < 0 || pair.slice(0, separator).trim() !== name) continue;
    const value = pair.slice(separator + 1).trim();
    return value === "" ? null : value;
  }
  return null;
}

function cookie(config: SessionConfig, value: string, lifetime: string): string {
  const secure = config.session.secureCookie ? "; Secure" : "";
  return `${getSessionCookieName(config)}=${value}; Path=/; HttpOnly; SameSite=Lax; ${lifetime}${secure}`;
}
