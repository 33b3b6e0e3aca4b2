import { type ApiServices, appRouter, createContext } from "@cryptotrade/api";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { Hono } from "hono";
import { requestId } from "hono/request-id";
import type { AppEnv } from "./app-env";
import { getClientAddress } from "./middleware/client-address";
import { requestLogger } from "./middleware/request-logger";

export interface AppDeps {
  services: ApiServices;
  /** Resolves when the database answers and is migrated; `/readyz` reports it. */
  checkReady: () => Promise<void>;
}

/**
 * The whole HTTP surface as a fetch handler: tRPC at /trpc, health at /healthz and /readyz.
 * It needs no socket, so tests call `app.fetch(new Request(...))`.
 *
 * @example
 * const app = createApp({ services, checkReady });
 * const res = await app.fetch(new Request("http://x/healthz"));
 */
export function createApp({ services, checkReady }: AppDeps) {
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(requestLogger(services.log));

  app.get("/healthz", (c) => c.json({ status: "ok" }));
  app.get("/readyz", async (c) => {
    try {
      await checkReady();
      return c.json({ status: "ready" });
    } catch (error) {
      c.get("log").warn({ err: error }, "not ready");
      return c.json({ status: "unavailable" }, 503);
    }
  });

  app.all("/trpc/*", (c) =>
    fetchRequestHandler({
      endpoint: "/trpc",
      req: c.req.raw,
      router: appRouter,
      createContext: ({ resHeaders }) =>
        createContext(services, {
          requestId: c.get("requestId"),
          ip: getClientAddress(c, services.config.trustProxy),
          userAgent: c.req.header("user-agent") ?? null,
          headers: c.req.raw.headers,
          resHeaders,
        }),
    }),
  );

  app.notFound((c) => c.json({ error: "Not found" }, 404));
  app.onError((error, c) => {
    c.get("log").error({ err: error }, "unhandled error");
    return c.json({ error: "Internal server error" }, 500);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
