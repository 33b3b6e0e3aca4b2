import { serializeBlankSessionCookie, serializeSessionCookie } from "@cryptotrade/auth";
import type { Context } from "./context";

/** Hands a new session to a browser as its cookie; bots use the token in the response. */
export function sendSessionCookie(ctx: Context, session: { token: string; expiresAt: Date }) {
  ctx.request.resHeaders.append(
    "set-cookie",
    serializeSessionCookie(ctx.config, session.token, session.expiresAt, Date.now()),
  );
}

export function clearSessionCookie(ctx: Context) {
  ctx.request.resHeaders.append("set-cookie", serializeBlankSessionCookie(ctx.config));
}

/** The request's address and agent, for throttles and the audit log. */
export function getRequestMeta(ctx: Context) {
  return { ip: ctx.request.ip, userAgent: ctx.request.userAgent };
}
