import { type ApiServices, appRouter, createContext } from "@cryptotrade/api";
import { answerSingleCall, findSingleCall } from "@cryptotrade/api/server";
import {
  type BinanceCalls,
  binanceApi,
  binanceAsyncApi,
  binanceCalls,
  binanceOpenApi,
} from "@cryptotrade/binance-api";
import { MAX_BATCH_SIZE } from "@cryptotrade/contract/limits";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { Hono } from "hono";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { apiDocs } from "./api-docs/api-docs";
import type { AppEnv } from "./app-env";
import { limitBody } from "./middleware/body-limit";
import { getClientAddress } from "./middleware/client-address";
import { checkOrigin } from "./middleware/origin-check";
import { type PageLimits, turnAwayPageFloods } from "./middleware/page-flood";
import { turnAwayPasswordFloods } from "./middleware/password-flood";
import { markPrivateAnswers } from "./middleware/private-answers";
import { requestLogger } from "./middleware/request-logger";
import { securityHeaders } from "./middleware/security-headers";
import type { WebApp } from "./web/web-app";
import { findPageRenders, webRoutes } from "./web/web-routes";

/** No procedure takes more than a few KiB of input; anything bigger is refused unread. */
export const MAX_BODY_BYTES = 64 * 1024;

export const TRPC_ENDPOINT = "/trpc";

/** The procedure path of a URL path under the endpoint, trimmed of slashes as tRPC does. */
export function trpcPath(pathname: string): string {
  return pathname.slice(TRPC_ENDPOINT.length).replace(/^\/|\/$/g, "");
}

export interface AppDeps {
  services: ApiServices;
  /** Resolves when the database answers and is migrated; `/readyz` reports it. */
  checkReady: () => Promise<void>;
  /** The trader's web app (apps/web), served on every other path; without it, API only. */
  web?: WebApp | undefined;
  /** What one address may ask of the web app (`Services.pageLimits`); needed with `web`. */
  pageLimits?: PageLimits | undefined;
  /**
   * The Binance API's pipeline (request weights, listen keys), shared with the Node listener's
   * lean path (ADR 039); without it, one with weights and listen keys in this process's memory.
   */
  binance?: BinanceCalls | undefined;
}

/**
 * The whole HTTP surface as a fetch handler: tRPC at /trpc, Binance's spot API at /api/v3
 * (the same procedures, ADR 033) documented at /api/docs (ADR 036), health at /healthz and
 * /readyz, and the web app's pages and files everywhere else when one is given.
 * It needs no socket, so tests call `app.fetch(new Request(...))`.
 *
 * @example
 * const app = createApp({ services, checkReady });
 * const res = await app.fetch(new Request("http://x/healthz"));
 */
export function createApp({
  services,
  checkReady,
  web,
  pageLimits,
  binance = binanceCalls({ services }),
}: AppDeps) {
  const { config } = services;
  const allowedOrigins = new Set(config.allowedOrigins);
  const app = new Hono<AppEnv>();
  app.use(requestId());
  app.use(requestLogger(services.log));
  app.use(securityHeaders(config));
  app.use(
    `${TRPC_ENDPOINT}/*`,
    cors({
      origin: (origin) => (allowedOrigins.has(origin) ? origin : null),
      credentials: true,
      allowMethods: ["GET", "POST", "OPTIONS"],
      allowHeaders: ["content-type", "authorization", "trpc-accept", "x-trpc-source"],
      maxAge: 600,
    }),
  );
  app.use(`${TRPC_ENDPOINT}/*`, markPrivateAnswers(TRPC_ENDPOINT));
  app.use(checkOrigin(config.allowedOrigins));
  app.use(turnAwayPasswordFloods(services, TRPC_ENDPOINT));
  if (web) {
    if (!pageLimits) throw new Error("createApp: the web app needs its page limits");
    // Before the body limit, which reads a body sent without a length: a refusal reads nothing.
    app.use(turnAwayPageFloods(services, pageLimits, findPageRenders(web)));
  }
  app.use(limitBody(MAX_BODY_BYTES, (c) => c.json({ error: "Request body too large" }, 413)));

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

  app.all(`${TRPC_ENDPOINT}/*`, async (c) => {
    const contextFor = (resHeaders: Headers) =>
      createContext(services, {
        requestId: c.get("requestId"),
        ip: getClientAddress(c, config.trustProxy),
        userAgent: c.req.header("user-agent") ?? null,
        headers: c.req.raw.headers,
        resHeaders,
      });
    const url = new URL(c.req.url);
    const search = url.searchParams;
    const call = findSingleCall({
      method: c.req.method,
      path: trpcPath(url.pathname),
      search,
      header: (name) => c.req.header(name),
    });
    if (!call) {
      return fetchRequestHandler({
        endpoint: TRPC_ENDPOINT,
        req: c.req.raw,
        router: appRouter,
        maxBatchSize: MAX_BATCH_SIZE,
        createContext: ({ resHeaders }) => contextFor(resHeaders),
      });
    }
    const answer = await answerSingleCall(call, {
      readInput: async () => (call.type === "query" ? search.get("input") : c.req.text()),
      createContext: contextFor,
    });
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  });

  app.route(
    "/",
    binanceApi({
      calls: binance,
      requestInfo: (c) => ({
        requestId: c.get("requestId"),
        ip: getClientAddress(c, config.trustProxy),
        userAgent: c.req.header("user-agent") ?? null,
      }),
    }),
  );

  app.route("/", apiDocs({ openApi: binanceOpenApi(), asyncApi: binanceAsyncApi() }));

  // Pages answer their own 404 (HTML, from React Router); the API's paths keep this JSON one.
  if (web) app.route("/", webRoutes(services, web));
  app.notFound((c) => c.json({ error: "Not found" }, 404));
  app.onError((error, c) => {
    // Middleware refusals (HTTPException) carry their own status; anything else is a bug.
    if (error instanceof HTTPException && error.status < 500) {
      return c.json({ error: error.message || "Bad request" }, error.status);
    }
    c.get("log").error({ err: error }, "unhandled error");
    return c.json({ error: "Internal server error" }, 500);
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
