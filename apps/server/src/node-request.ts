import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { MAX_BODY_BYTES } from "./app";

// Hono's requestId middleware keeps a caller's id only when it looks like this.
const CALLER_REQUEST_ID = /^[\w\-=]{1,255}$/;
// Repeated, these would be joined by the app and read once by Node: the app must decide.
const SINGLE_VALUED = ["authorization", "content-type", "user-agent", "x-mbx-apikey"];
const utf8 = new TextDecoder();

/**
 * A program's request the lean paths may answer from Node's objects (ADR 011, 039): no cookie
 * or Origin (those need the CSRF and CORS middleware: browsers always take the app), no
 * header the app would join, and a body (if any) small and framed by Content-Length.
 */
export function isBareProgramRequest(req: IncomingMessage): boolean {
  const headers = req.headersDistinct;
  if (headers.cookie !== undefined || headers.origin !== undefined) return false;
  if (SINGLE_VALUED.some((name) => (headers[name]?.length ?? 0) > 1)) return false;
  if (req.method === "GET" || req.method === "HEAD") return true;
  const length = Number(headers["content-length"]?.[0]);
  return headers["transfer-encoding"] === undefined && length >= 0 && length <= MAX_BODY_BYTES;
}

/** Hono's rule: a caller's well-formed id is kept, anything else gets a fresh one. */
function requestIdOf(req: IncomingMessage): string {
  const caller = headerOf(req, "x-request-id");
  return caller && CALLER_REQUEST_ID.test(caller) ? caller : randomUUID();
}

/** The body as text, decoded as Fetch's `text()` does (a byte order mark is dropped). */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return utf8.decode(Buffer.concat(chunks));
}

/** A header as the app sees it: repeated values joined, as Fetch `Headers` joins them. */
export function headerOf(req: IncomingMessage, name: string): string | null {
  return req.headersDistinct[name]?.join(", ") ?? null;
}

/** Writes a whole answer at once, its length counted here. */
export function writeWhole(
  res: ServerResponse,
  status: number,
  headers: Record<string, string | string[]>,
  body: string,
): void {
  headers["content-length"] = String(Buffer.byteLength(body));
  res.writeHead(status, headers);
  res.end(body);
}

/** A request's path, its query string exactly as sent, and that query parsed (on first use). */
export interface RequestTarget {
  pathname: string;
  queryString: string;
  readonly search: URLSearchParams;
}

/**
 * @example
 * splitUrl("/api/v3/depth?symbol=BTCUSDT").queryString; // "symbol=BTCUSDT"
 */
export function splitUrl(url = "/"): RequestTarget {
  const target = url.split("#", 1)[0] ?? "";
  const query = target.indexOf("?");
  const pathname = query < 0 ? target : target.slice(0, query);
  const queryString = query < 0 ? "" : target.slice(query + 1);
  let search: URLSearchParams | undefined;
  return {
    pathname,
    queryString,
    get search() {
      search ??= new URLSearchParams(queryString);
      return search;
    },
  };
}

// Headers of a probe's answer that belonged to that answer alone.
const PER_ANSWER = new Set(["content-length", "x-request-id", "date", "set-cookie"]);

/**
 * The headers the app puts on every answer under a path (security headers, CORS for a request
 * without an Origin), read off its answer to a probe of `path` (logged at start), less those
 * of that answer alone and those named in `answerOwn`: a lean path copies them, so the two
 * paths cannot drift.
 */
export async function answerHeaderTemplate(
  app: { request(path: string): Response | Promise<Response> },
  path: string,
  answerOwn: ReadonlySet<string> = new Set(),
): Promise<Record<string, string>> {
  const probe = await app.request(path);
  await probe.arrayBuffer();
  const template: Record<string, string> = {};
  for (const [name, value] of probe.headers) {
    if (!PER_ANSWER.has(name) && !answerOwn.has(name)) template[name] = value;
  }
  return template;
}

/**
 * One lean answer's frame, as the app's middleware would give it: the request id, a
 * `request` log line with the status and milliseconds, and for a failure of the path itself
 * (not a refusal, which `respond` answers) an `unhandled error` log line and `failure`'s answer,
 * or a destroyed socket once headers went out.
 *
 * @example
 * void answerLeanly(log, req, res, pathname, async (requestId) => 200, (requestId) => writeWhole(…));
 */
export async function answerLeanly(
  log: Logger,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  respond: (requestId: string) => Promise<number>,
  failure: (requestId: string) => void,
): Promise<void> {
  const started = performance.now();
  const requestId = requestIdOf(req);
  try {
    const status = await respond(requestId);
    if (log.isLevelEnabled("info")) {
      const ms = Math.round((performance.now() - started) * 10) / 10;
      log.child({ requestId }).info({ method: req.method, path: pathname, status, ms }, "request");
    }
  } catch (error) {
    log.child({ requestId }).error({ err: error }, "unhandled error");
    if (res.headersSent) res.destroy();
    else failure(requestId);
  }
}
