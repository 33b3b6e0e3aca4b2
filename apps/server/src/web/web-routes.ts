import { type ApiServices, appRouter, createCallerFactory, createContext } from "@cryptotrade/api";
import { serveStatic } from "@hono/node-server/serve-static";
import { getErrorShape, getTRPCErrorFromUnknown } from "@trpc/server/unstable-core-do-not-import";
import { Hono } from "hono";
import type { AppEnv } from "../app-env";
import { getClientAddress, getPeerAddress, isTrustedProxy } from "../middleware/client-address";
import { builtFilePaths } from "./built-files";
import { onPublicOrigin } from "./public-request";
import type { WebApp, WebLoadContext } from "./web-app";

const createCaller = createCallerFactory(appRouter);

/** The addresses that are never pages: they keep their JSON answers, 404s included. */
const NOT_PAGES = /^\/(trpc|ws|healthz|readyz|metrics)(\/|$)/;

const IMMUTABLE = "public, max-age=31536000, immutable";

/**
 * Which requests React Router will render (pages, data requests, form posts), as opposed to
 * the API's paths and the built files served as they are, which cost no render.
 *
 * @example
 * const isRender = findPageRenders(web);
 * isRender("POST", "/login"); // true
 * isRender("GET", "/assets/entry-abc123.js"); // false
 */
export function findPageRenders(web: WebApp): (method: string, path: string) => boolean {
  const files = web.clientDir ? builtFilePaths(web.clientDir) : new Set<string>();
  return (method, path) =>
    RENDERED_METHODS.has(method) &&
    !NOT_PAGES.test(path) &&
    !path.startsWith("/assets/") &&
    !files.has(path);
}

const RENDERED_METHODS = new Set(["GET", "HEAD", "POST"]);

/**
 * The web app on the Hono app: hashed files under /assets cached for a year, other built files
 * (favicon, robots.txt) as they are, and every other GET, HEAD or POST rendered by React
 * Router with a load context holding a tRPC caller for the request, so loaders and actions
 * call procedures in-process. Cookies the procedures set (log in, log out) are copied onto
 * the page's response.
 *
 * Renders are bounded per address before this (`turnAwayPageFloods`, for the paths
 * `findPageRenders` picks); built files are not. Behind a
 * trusted proxy, React Router sees the request at the public origin, so its own CSRF check
 * (Origin against the request's URL) passes for the site's forms. Every rendered answer that
 * looked at the caller's session, or sets a cookie, is `Cache-Control: no-store`.
 */
export function webRoutes(services: ApiServices, web: WebApp) {
  const { config } = services;
  const routes = new Hono<AppEnv>();
  if (web.clientDir) {
    const root = web.clientDir;
    // Set after the file is served: serveStatic's onFound runs once its response is made.
    routes.use("/assets/*", async (c, next) => {
      await next();
      if (c.res.ok) c.header("cache-control", IMMUTABLE);
    });
    routes.use("/assets/*", serveStatic({ root }));
    routes.get("/assets/*", (c) => c.text("Not found", 404));
    routes.use("*", serveStatic({ root }));
  }
  routes.on(["GET", "HEAD", "POST"], "*", async (c, next) => {
    if (NOT_PAGES.test(c.req.path)) return next();
    const resHeaders = new Headers();
    let context: ReturnType<typeof createContext> | undefined;
    // Built on the first procedure call only: a page that calls none costs no session lookup.
    const lazyContext = () => {
      context ??= createContext(services, {
        requestId: c.get("requestId"),
        ip: getClientAddress(c, config.trustProxy),
        userAgent: c.req.header("user-agent") ?? null,
        headers: c.req.raw.headers,
        resHeaders,
      });
      return context;
    };
    const loadContext: WebLoadContext = {
      trpc: createCaller(lazyContext),
      nonce: c.get("secureHeadersNonce") ?? "",
      formatError: (error) =>
        getErrorShape({
          config: appRouter._def._config,
          error: getTRPCErrorFromUnknown(error),
          type: "unknown",
          path: undefined,
          input: undefined,
          ctx: undefined,
        }),
    };
    const request = isTrustedProxy(config.trustProxy, getPeerAddress(c))
      ? onPublicOrigin(c.req.raw, config.publicOrigin)
      : c.req.raw;
    const page = await web.handleRequest(request, loadContext);
    const cookies = resHeaders.getSetCookie();
    const headers = new Headers(page.headers);
    for (const cookie of cookies) headers.append("set-cookie", cookie);
    // The page showed who is calling (or changed it): no cache may keep it for someone else.
    if (context || headers.has("set-cookie")) headers.set("cache-control", "no-store");
    return new Response(page.body, { status: page.status, statusText: page.statusText, headers });
  });
  return routes;
}
