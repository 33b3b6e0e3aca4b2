import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { type ApiServices, createContext } from "@cryptotrade/api";
import {
  answerSingleCall,
  findSingleCall,
  refusePasswordFlood,
  type SingleCall,
  type SingleCallAnswer,
} from "@cryptotrade/api/server";
import { BINANCE_API_PREFIX, type BinanceCalls } from "@cryptotrade/binance-api";
import { getRequestListener } from "@hono/node-server";
import { type App, TRPC_ENDPOINT, trpcPath } from "./app";
import { createBinanceLeanPath } from "./binance-lean-path";
import { resolveClientAddress } from "./middleware/client-address";
import {
  answerHeaderTemplate,
  answerLeanly,
  headerOf,
  isBareProgramRequest,
  type RequestTarget,
  readBody,
  splitUrl,
  writeWhole,
} from "./node-request";

const PROGRAMMATIC = /^Bearer\s+\S/i;
// tRPC's own headers on a single call's answer; the template carries them, merged with CORS's.
const FROM_TRPC = new Set(["vary", "content-type"]);

/**
 * The HTTP server's request listener. Everything goes to the Hono app, except a program's
 * single tRPC call (a Bearer token, no cookie, no Origin, one query or mutation with a small
 * JSON input): that is answered straight from Node's request and response objects, the way
 * the app would answer it, without Fetch `Request`/`Response` objects and streams (ADR 011).
 * Cookies and Origins need the CSRF and CORS middleware, so browsers always take the app.
 *
 * The headers every /trpc answer carries (security headers, CORS for a request without an
 * Origin) are read off the app once, from its answer to a probe (logged as a 404 at start),
 * so the two paths cannot drift.
 *
 * @example
 * const server = http.createServer(await createRequestListener(app, services));
 */
export async function createRequestListener(
  app: App,
  services: ApiServices,
  binance?: BinanceCalls,
): Promise<RequestListener> {
  const viaApp = getRequestListener(app.fetch, { hostname: services.config.host });
  // The headers the app puts on every /trpc answer, from its answer to a call of nothing.
  const template = await answerHeaderTemplate(app, `${TRPC_ENDPOINT}/`);
  const { log, config } = services;

  const answer = (
    call: SingleCall,
    { pathname, search }: RequestTarget,
    req: IncomingMessage,
    res: ServerResponse,
  ) =>
    answerLeanly(
      log,
      req,
      res,
      pathname,
      async (requestId) => {
        const ip = resolveClientAddress(
          headerOf(req, "x-forwarded-for") ?? undefined,
          req.socket.remoteAddress,
          config.trustProxy,
        );
        const answered =
          (await refusePasswordFlood(services, call, ip)) ??
          (await answerSingleCall(call, {
            readInput: async () => (call.type === "query" ? search.get("input") : readBody(req)),
            createContext: (resHeaders) =>
              createContext(services, {
                requestId,
                ip,
                userAgent: headerOf(req, "user-agent"),
                headers: { get: (name) => headerOf(req, name.toLowerCase()) },
                resHeaders,
              }),
          }));
        writeAnswer(res, answered, { ...template, "x-request-id": requestId });
        return answered.status;
      },
      // As the app's onError: a bug, logged; the caller learns nothing of it.
      (requestId) => {
        const body = JSON.stringify({ error: "Internal server error" });
        const headers = { ...template, "x-request-id": requestId };
        writeAnswer(res, { status: 500, body, headers: new Headers() }, headers);
      },
    );

  const binanceLeanPath = binance && (await createBinanceLeanPath(app, services, binance));

  return (req, res) => {
    const target = splitUrl(req.url);
    if (binanceLeanPath && target.pathname.startsWith(`${BINANCE_API_PREFIX}/`)) {
      if (!binanceLeanPath(req, res, target)) viaApp(req, res);
      return;
    }
    if (!target.pathname.startsWith(`${TRPC_ENDPOINT}/`) || !isProgrammatic(req)) {
      return viaApp(req, res);
    }
    const call = findSingleCall({
      method: req.method ?? "GET",
      path: trpcPath(target.pathname),
      search: target.search,
      header: (name) => headerOf(req, name),
    });
    if (!call) return viaApp(req, res);
    void answer(call, target, req, res);
  };
}

/** A program holding its own token, whose request the lean path may read (node-request.ts). */
function isProgrammatic(req: IncomingMessage): boolean {
  return PROGRAMMATIC.test(headerOf(req, "authorization") ?? "") && isBareProgramRequest(req);
}

function writeAnswer(
  res: ServerResponse,
  answer: SingleCallAnswer,
  headers: Record<string, string | string[]>,
): void {
  for (const [name, value] of answer.headers) {
    if (FROM_TRPC.has(name)) continue;
    const previous = headers[name];
    headers[name] = previous === undefined ? value : [previous, value].flat();
  }
  writeWhole(res, answer.status, headers, answer.body);
}
