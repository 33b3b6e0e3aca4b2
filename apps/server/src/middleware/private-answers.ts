import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../app-env";

/** Public market data: the same answer for everyone, so caches may keep it. */
const PUBLIC_PROCEDURE = /^market\./;

/**
 * Marks `Cache-Control: no-store` on every tRPC answer that depends on who asked: any call of
 * a procedure outside `market.*` (a batch counts if any of its calls is), any call carrying
 * `Authorization` (the lean path's answers carry the same, ADR 011), and any answer that sets
 * a cookie. A shared cache or the browser's history then never shows one person's account to
 * another. Public market data stays cacheable.
 */
export function markPrivateAnswers(endpoint: string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const procedures = c.req.path.slice(endpoint.length + 1).split(",");
    const isPublic =
      procedures.every((procedure) => PUBLIC_PROCEDURE.test(procedure)) &&
      !c.req.header("authorization") &&
      !c.res.headers.has("set-cookie");
    if (!isPublic) c.res.headers.set("cache-control", "no-store");
  });
}
