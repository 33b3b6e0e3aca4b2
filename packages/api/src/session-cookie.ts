import {
  readDeviceCookie,
  serializeBlankSessionCookie,
  serializeDeviceCookie,
  serializeSessionCookie,
} from "@cryptotrade/auth";
import type { Context } from "./context";

/** Hands a new session to a browser as its cookie; bots use the token in the response. */
export function sendSessionCookie(ctx: Context, session: { token: string; expiresAt: Date }) {
  ctx.request.resHeaders.append(
    "set-cookie",
    serializeSessionCookie(ctx.config, session.token, session.expiresAt, Date.now()),
  );
}

/** Marks this browser or client as a device that has logged in (OWASP's device cookie). */
export function sendDeviceCookie(ctx: Context, token: string) {
  ctx.request.resHeaders.append("set-cookie", serializeDeviceCookie(ctx.config, token));
}

/** The device token the caller brought in its `Cookie` header, if any. */
export function getDeviceToken(ctx: Context): string | null {
  return readDeviceCookie(ctx.config, ctx.request.headers.get("cookie"));
}

export function clearSessionCookie(ctx: Context) {
  ctx.request.resHeaders.append("set-cookie", serializeBlankSessionCookie(ctx.config));
}

/** The request's address and agent, for throttles and the audit log. */
export function getRequestMeta(ctx: Context) {
  return { ip: ctx.request.ip, userAgent: ctx.request.userAgent };
}
