import { randomUUID } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import {
  type ApiServices,
  answerSingleCall,
  createContext,
  findSingleCall,
  type SingleCall,
} from "@cryptotrade/api";
import { getRequestListener } from "@hono/node-server";
import { type App, MAX_BODY_BYTES, TRPC_ENDPOINT, trpcPath } from "./app";
import { resolveClientAddress } from "./middleware/client-address";

const PROGRAMMATIC = /^Bearer\s+\S/i;
// Hono's requestId middleware keeps a caller's id only when it looks like this.
const CALLER_REQUEST_ID = /^[\w\-=]{1,255}$/;
// Headers a procedure may add to its answer (through ctx.request.resHeaders).
const FROM_PROCEDURE = new Set(["set-cookie", "retry-after"]);
// Headers of the probe's answer that belong to that answer alone.
const NOT_TEMPLATE = new Set(["content-length", "x-request-id", "date", ...FROM_PROCEDURE]);

/**
 * The HTTP server's request listener. Everything goes to the Hono app, except a program's
 * single tRPC call (a Bearer token, no cookie, no Origin, one query or mutation with a small
 * JSON input): that is answered straight from Node's request and response objects, the way
 * the app would answer it, without Fetch `Request`/`Response` objects and streams (ADR 011).
 * Cookies and Origins need the CSRF and CORS middleware, so browsers always take the app.
 *
 * The headers every /trpc answer carries (security headers, CORS for a request without an
 * Origin) are read off the app once, from its answer to a probe, so the two paths cannot drift.
 *
 * @example
 * const server = http.createServer(await createRequestListener(app, services));
 */
export async function createRequestListener(
  app: App,
  services: ApiServices,
): Promise<RequestListener> {
  const viaApp = getRequestListener(app.fetch);
  const template = await trpcHeaderTemplate(app);
  const { log } = services;
  const { trustProxy } = services.config;

  const answer = async (
    call: SingleCall,
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
    search: URLSearchParams,
  ) => {
    const started = performance.now();
    const caller = req.headers["x-request-id"];
    const requestId =
      typeof caller === "string" && CALLER_REQUEST_ID.test(caller) ? caller : randomUUID();
    try {
      const forwarded = req.headers["x-forwarded-for"];
      const answered = await answerSingleCall(call, {
        readInput: async () => (call.type === "query" ? search.get("input") : readBody(req)),
        createContext: (resHeaders) =>
          createContext(services, {
            requestId,
            ip: resolveClientAddress(
              typeof forwarded === "string" ? forwarded : undefined,
              req.socket.remoteAddress,
              trustProxy,
            ),
            userAgent: req.headers["user-agent"] ?? null,
            headers: nodeHeaders(req),
            resHeaders,
          }),
      });
      const headers: Record<string, string | string[]> = { ...template, "x-request-id": requestId };
      for (const [name, value] of answered.headers) {
        if (!FROM_PROCEDURE.has(name)) continue;
        const previous = headers[name];
        headers[name] = previous === undefined ? value : [previous, value].flat();
      }
      headers["content-length"] = String(Buffer.byteLength(answered.body));
      res.writeHead(answered.status, headers);
      res.end(answered.body);
      if (log.isLevelEnabled("info")) {
        const ms = Math.round((performance.now() - started) * 10) / 10;
        log
          .child({ requestId })
          .info({ method: req.method, path: pathname, status: answered.status, ms }, "request");
      }
    } catch (error) {
      log.child({ requestId }).error({ err: error }, "unhandled error");
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json", "x-request-id": requestId });
      }
      res.end(JSON.stringify({ error: "Internal server error" }));
    }
  };

  return (req, res) => {
    const url = req.url ?? "/";
    const query = url.indexOf("?");
    const pathname = query < 0 ? url : url.slice(0, query);
    if (!pathname.startsWith(`${TRPC_ENDPOINT}/`) || !isProgrammatic(req)) return viaApp(req, res);
    const search = new URLSearchParams(query < 0 ? "" : url.slice(query + 1));
    const call = findSingleCall({
      method: req.method ?? "GET",
      path: trpcPath(pathname),
      search,
      header: (name) => headerOf(req, name),
    });
    if (!call) return viaApp(req, res);
    void answer(call, req, res, pathname, search);
  };
}

/**
 * A program holding its own token, whose body (if any) is small and framed by
 * Content-Length; anything else needs the app's middleware (CSRF, CORS, body limit).
 */
function isProgrammatic(req: IncomingMessage): boolean {
  const { headers } = req;
  if (headers.cookie !== undefined || headers.origin !== undefined) return false;
  if (!PROGRAMMATIC.test(headers.authorization ?? "")) return false;
  if (req.method !== "POST") return true;
  const length = Number(headers["content-length"]);
  return headers["transfer-encoding"] === undefined && length >= 0 && length <= MAX_BODY_BYTES;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function headerOf(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : (value ?? null);
}

function nodeHeaders(req: IncomingMessage): Pick<Headers, "get"> {
  return { get: (name) => headerOf(req, name.toLowerCase()) };
}

/** The headers the app puts on every /trpc answer, from its answer to a call of nothing. */
async function trpcHeaderTemplate(app: App): Promise<Record<string, string>> {
  const probe = await app.request(`${TRPC_ENDPOINT}/`);
  await probe.arrayBuffer();
  const template: Record<string, string> = {};
  for (const [name, value] of probe.headers) {
    if (!NOT_TEMPLATE.has(name)) template[name] = value;
  }
  return template;
}
