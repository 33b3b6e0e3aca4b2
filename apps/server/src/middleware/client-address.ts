import type { Context } from "hono";
import type { AppEnv } from "../app-env";

// IPv4 or IPv6 text; anything else in the header is junk and is not used as a rate-limit key.
const ADDRESS = /^[0-9a-fA-F:.]{2,45}$/;

/**
 * The caller's address. Behind a proxy (TRUST_PROXY) it is the last `X-Forwarded-For` entry,
 * the one our proxy appended; entries before it are whatever the client claimed, so a client
 * cannot pick the address its rate limits are counted under. Without TRUST_PROXY the header
 * is ignored entirely.
 */
export function resolveClientAddress(
  forwardedFor: string | undefined,
  socketAddress: string | undefined,
  trustProxy: boolean,
): string {
  if (trustProxy) {
    const last = forwardedFor?.split(",").at(-1)?.trim();
    if (last && ADDRESS.test(last)) return last;
  }
  return socketAddress ?? "unknown";
}

/** `resolveClientAddress` for a Hono request. */
export function getClientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  return resolveClientAddress(
    c.req.header("x-forwarded-for"),
    c.env?.incoming?.socket.remoteAddress,
    trustProxy,
  );
}
