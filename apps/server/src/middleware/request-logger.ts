import { createMiddleware } from "hono/factory";
import type { Logger } from "pino";
import type { AppEnv } from "../app-env";

/** Gives every request a child logger carrying its id, and logs one line when it ends. */
export function requestLogger(log: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const requestLog = log.child({ requestId: c.get("requestId") });
    c.set("log", requestLog);
    const started = performance.now();
    await next();
    requestLog.info(
      {
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      "request",
    );
  });
}
