import type { Context } from "hono";
import type { AppEnv } from "../app-env";

/**
 * The caller's address. Behind a proxy (TRUST_PROXY) it is the last `X-Forwarded-For` entry,
 * the one our proxy appended; entries before it are whatever the client claimed.
 */
export function getClientAddress(c: Context<AppEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for");
    const last = forwarded?.split(",").at(-1)?.trim();
    if (last) return last;
  }
  return c.env?.incoming?.socket.remoteAddress ?? "unknown";
}
