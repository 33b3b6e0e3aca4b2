import { timingSafeEqual } from "node:crypto";
import type { Config } from "@cryptotrade/config";
import { readCookie } from "./cookies";
import type { AuthDeps } from "./deps";
import { generateRandomId } from "./tokens";

type SessionConfig = Pick<Config, "session">;

/** A device stays trusted this long after its last successful login (each one renews it). */
const DEVICE_COOKIE_DAYS = 365;

/**
 * The device cookie's name; `__Host-` with secure cookies, like the session cookie.
 *
 * @example
 * getDeviceCookieName(config); // "__Host-ct_device" in production
 */
export function getDeviceCookieName(config: SessionConfig): string {
  return config.session.secureCookie ? "__Host-ct_device" : "ct_device";
}

/**
 * The `Set-Cookie` value for a device token: HttpOnly, SameSite=Lax, Path=/, Secure when
 * configured, a year long.
 *
 * @example
 * resHeaders.append("set-cookie", serializeDeviceCookie(config, result.deviceToken));
 */
export function serializeDeviceCookie(config: SessionConfig, token: string): string {
  const maxAge = DEVICE_COOKIE_DAYS * 24 * 60 * 60;
  const secure = config.session.secureCookie ? "; Secure" : "";
  return `${getDeviceCookieName(config)}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure}`;
}

/** The device token from a `Cookie` header, or null. */
export function readDeviceCookie(config: SessionConfig, header: string | null): string | null {
  return readCookie(header, getDeviceCookieName(config));
}

/**
 * A device token for an account (OWASP's device cookie): `<keyId>.<login>.<nonce>.<signature>`,
 * the login base64url-encoded and the signature an HMAC under the secrets key, so only this
 * server can mint one and it names the one account it vouches for. Nothing is stored.
 *
 * @example
 * const token = issueDeviceToken(deps, "alice@example.com");
 */
export function issueDeviceToken(deps: AuthDeps, login: string): string {
  const keyId = deps.secrets.currentKeyId;
  const body = `${keyId}.${Buffer.from(login).toString("base64url")}.${generateRandomId(15)}`;
  return `${body}.${deps.secrets.sign(`device:${body}`, keyId)}`;
}

/**
 * The device's id (its nonce) when `token` is a genuine device token for `login`; null when
 * it is malformed, forged, signed with a key no longer configured, or for another account.
 *
 * @example
 * const device = verifyDeviceToken(deps, cookie, input.email); // "k3j..." | null
 */
export function verifyDeviceToken(deps: AuthDeps, token: string, login: string): string | null {
  const parts = token.split(".");
  if (parts.length !== 4) return null;
  const [keyId = "", encodedLogin = "", nonce = "", signature = ""] = parts;
  const expected = deps.secrets.sign(`device:${keyId}.${encodedLogin}.${nonce}`, keyId);
  if (!expected || !sameText(expected, signature)) return null;
  if (Buffer.from(encodedLogin, "base64url").toString() !== login) return null;
  return nonce;
}

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
