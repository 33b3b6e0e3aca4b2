import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiServices } from "@cryptotrade/api";
import { BINANCE_API_PREFIX, type BinanceCalls } from "@cryptotrade/binance-api";
import type { App } from "./app";
import { resolveClientAddress } from "./middleware/client-address";
import {
  answerHeaderTemplate,
  answerLeanly,
  headerOf,
  isBareProgramRequest,
  type RequestTarget,
  readBody,
  writeWhole,
} from "./node-request";

/** Headers the Binance pipeline sets per answer: never copied from the probe's. */
const SET_PER_ANSWER = new Set([
  "content-type",
  "cache-control",
  "retry-after",
  "x-mbx-used-weight",
  "x-mbx-used-weight-1m",
]);

const FAILED = JSON.stringify({
  code: -1000,
  msg: "An unknown error occurred while processing the request.",
});

/**
 * A bot's `/api/v3` request answered from Node's request and response objects (ADR 039): the
 * same `BinanceCalls` pipeline the app hands it to, without building Fetch `Request` and
 * `Response` objects or running the middleware chain, whose work for such a request is the
 * request id, the log line and the fixed headers, done here alike (the headers read off the
 * app's answer to a probe at start). The returned function answers and returns true, or
 * returns false for a request that needs the app (a browser's, an odd framing, an unknown
 * path).
 *
 * @example
 * const lean = await createBinanceLeanPath(app, services, calls);
 * if (!lean(req, res, splitUrl(req.url))) viaApp(req, res);
 */
export async function createBinanceLeanPath(app: App, services: ApiServices, calls: BinanceCalls) {
  const { log, config } = services;
  const template = await answerHeaderTemplate(app, `${BINANCE_API_PREFIX}/`, SET_PER_ANSWER);

  const answer = (
    req: IncomingMessage,
    res: ServerResponse,
    target: RequestTarget,
    method: string,
    path: string,
  ) =>
    answerLeanly(
      log,
      req,
      res,
      target.pathname,
      async (requestId) => {
        const answered = await calls.answer({
          method,
          path,
          queryString: target.queryString,
          body: () => readBody(req),
          header: (name) => headerOf(req, name) ?? undefined,
          info: {
            requestId,
            ip: resolveClientAddress(
              headerOf(req, "x-forwarded-for") ?? undefined,
              req.socket.remoteAddress,
              config.trustProxy,
            ),
            userAgent: headerOf(req, "user-agent"),
          },
        });
        const headers = { ...template, "x-request-id": requestId, ...answered.headers };
        writeWhole(res, answered.status, headers, answered.body);
        return answered.status;
      },
      // The pipeline answers every refusal and bug itself; this is the socket failing.
      (requestId) => {
        const headers = { ...template, "x-request-id": requestId };
        writeWhole(res, 500, { ...headers, "content-type": "application/json" }, FAILED);
      },
    );

  return (req: IncomingMessage, res: ServerResponse, target: RequestTarget): boolean => {
    const path = target.pathname.slice(BINANCE_API_PREFIX.length);
    const method = req.method ?? "GET";
    // The app's cross-site rule lets an unsafe method through only with a key (origin-check.ts).
    const unsafe = method !== "GET" && method !== "HEAD";
    if (unsafe && headerOf(req, "x-mbx-apikey") === null) return false;
    if (!isBareProgramRequest(req) || !calls.has(method, path)) return false;
    void answer(req, res, target, method, path);
    return true;
  };
}
