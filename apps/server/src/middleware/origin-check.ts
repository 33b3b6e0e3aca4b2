import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests that a browser could have been tricked into sending
 * (CSRF), whatever their content type: they must carry an `Origin` from the allowed list.
 * A request with `Authorization: Bearer` and no cookie is a program holding its own token;
 * a browser cannot attach that header cross-site without a CORS preflight, so it is exempt.
 * So is a request with Binance's `X-MBX-APIKEY` and no cookie: a bot signing its requests.
 */
export function checkOrigin(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  return createMiddleware<AppEnv>(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const programmatic =
      (/^Bearer\s+\S/i.test(c.req.header("authorization") ?? "") ||
        Boolean(c.req.header("x-mbx-apikey"))) &&
      !c.req.header("cookie");
    if (programmatic) return next();
    const origin = c.req.header("origin");
    if (origin && allowed.has(origin)) return next();
    c.get("log").warn({ origin: origin ?? null, path: c.req.path }, "cross-site request refused");
    return c.json({ error: "Cross-site request refused: Origin is missing or not allowed" }, 403);
  });
}
