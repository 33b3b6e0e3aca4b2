import { randomUUID } from "node:crypto";
import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { type ApiServices, createContext } from "@cryptotrade/api";
import {
  answerSingleCall,
  findSingleCall,
  refusePasswordFlood,
  type SingleCall,
  type SingleCallAnswer,
} from "@cryptotrade/api/server";
import { getRequestListener } from "@hono/node-server";
import { type App, MAX_BODY_BYTES, TRPC_ENDPOINT, trpcPath } from "./app";
import { resolveClientAddress } from "./middleware/client-address";

const PROGRAMMATIC = /^Bearer\s+\S/i;
// Hono's requestId middleware keeps a caller's id only when it looks like this.
const CALLER_REQUEST_ID = /^[\w\-=]{1,255}$/;
// tRPC's own headers on a single call's answer; the template carries them, merged with CORS's.
const FROM_TRPC = new Set(["vary", "content-type"]);
// Headers of the probe's answer that belonged to that answer alone.
const PER_ANSWER = new Set(["content-length", "x-request-id", "date", "set-cookie"]);
// Repeated, these would be joined by the app and read once by Node: the app must decide.
const SINGLE_VALUED = ["authorization", "content-type", "user-agent"];
const utf8 = new TextDecoder();

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
): Promise<RequestListener> {
  const viaApp = getRequestListener(app.fetch, { hostname: services.config.host });
  const template = await trpcHeaderTemplate(app);
  const { log, config } = services;

  const answer = async (
    call: SingleCall,
    { pathname, search }: RequestTarget,
    req: IncomingMessage,
    res: ServerResponse,
  ) => {
    const started = performance.now();
    const requestId = requestIdOf(req);
    try {
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
      if (log.isLevelEnabled("info")) {
        const ms = Math.round((performance.now() - started) * 10) / 10;
        log
          .child({ requestId })
          .info({ method: req.method, path: pathname, status: answered.status, ms }, "request");
      }
    } catch (error) {
      // As the app's onError: a bug, logged; the caller learns nothing of it.
      log.child({ requestId }).error({ err: error }, "unhandled error");
      if (res.headersSent) {
        res.destroy();
        return;
      }
      const body = JSON.stringify({ error: "Internal server error" });
      const headers = { ...template, "x-request-id": requestId };
      writeAnswer(res, { status: 500, body, headers: new Headers() }, headers);
    }
  };

  return (req, res) => {
    const target = splitUrl(req.url);
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

/**
 * A program holding its own token, whose body (if any) is small and framed by
 * Content-Length; anything else needs the app's middleware (CSRF, CORS, body limit).
 */
function isProgrammatic(req: IncomingMessage): boolean {
  const headers = req.headersDistinct;
  if (headers.cookie !== undefined || headers.origin !== undefined) return false;
  if (SINGLE_VALUED.some((name) => (headers[name]?.length ?? 0) > 1)) return false;
  if (!PROGRAMMATIC.test(headers.authorization?.[0] ?? "")) return false;
  if (req.method !== "POST") return true;
  const length = Number(headers["content-length"]?.[0]);
  return headers["transfer-encoding"] === undefined && length >= 0 && length <= MAX_BODY_BYTES;
}

/** Hono's rule: a caller's well-formed id is kept, anything else gets a fresh one. */
function requestIdOf(req: IncomingMessage): string {
  const caller = headerOf(req, "x-request-id");
  return caller && CALLER_REQUEST_ID.test(caller) ? caller : randomUUID();
}

interface RequestTarget {
  pathname: string;
  search: URLSearchParams;
}

function splitUrl(url = "/"): RequestTarget {
  const target = url.split("#", 1)[0] ?? "";
  const query = target.indexOf("?");
  return query < 0
    ? { pathname: target, search: new URLSearchParams() }
    : { pathname: target.slice(0, query), search: new URLSearchParams(target.slice(query + 1)) };
}

/** The body as text, decoded as Fetch's `text()` does (a byte order mark is dropped). */
async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return utf8.decode(Buffer.concat(chunks));
}

/** A header as the app sees it: repeated values joined, as Fetch `Headers` joins them. */
function headerOf(req: IncomingMessage, name: string): string | null {
  return req.headersDistinct[name]?.join(", ") ?? null;
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
  headers["content-length"] = String(Buffer.byteLength(answer.body));
  res.writeHead(answer.status, headers);
  res.end(answer.body);
}

/** The headers the app puts on every /trpc answer, from its answer to a call of nothing. */
async function trpcHeaderTemplate(app: App): Promise<Record<string, string>> {
  const probe = await app.request(`${TRPC_ENDPOINT}/`);
  await probe.arrayBuffer();
  const template: Record<string, string> = {};
  for (const [name, value] of probe.headers) {
    if (!PER_ANSWER.has(name)) template[name] = value;
  }
  return template;
}
