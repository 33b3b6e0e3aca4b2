import type { Scope } from "@cryptotrade/auth";
import type { Context, Hono } from "hono";
import type { z } from "zod";
import type { BinanceEnv } from "./binance-api";
import { BinanceError } from "./binance-errors";
import { refusalForParameter } from "./params";

/**
 * Binance's security types: NONE is public; USER_DATA and TRADE are signed with a key that may
 * read or trade (ADR 034); USER_STREAM needs the key alone, as Binance's listen keys do.
 */
type Security = "NONE" | "USER_DATA" | "TRADE" | "USER_STREAM";

const SCOPE_OF: Record<Exclude<Security, "NONE" | "USER_STREAM">, Scope> = {
  USER_DATA: "read",
  TRADE: "trade",
};

/**
 * One endpoint of the surface, described once: the router mounts it, and the OpenAPI document
 * is generated from the same description, so the parameters a handler validates with and the
 * answer it returns are the ones the document shows (`params` and `response` are zod schemas;
 * `handle` must return what `response` describes, or it does not compile).
 *
 * @example
 * export const ping = endpoint({
 *   method: "GET", path: "/ping", security: "NONE", weight: 1,
 *   summary: "Test connectivity", params: z.object({}), response: z.object({}),
 *   handle: async () => ({}),
 * });
 */
export interface Endpoint<P extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Under `/api/v3`, as Binance names it: `/order`, `/ticker/24hr`. */
  path: string;
  summary: string;
  description?: string;
  security: Security;
  /** Binance's request weight; some depend on the parameters (`depth`'s on its `limit`). */
  weight: number | ((params: z.output<P>) => number);
  /** The query string and form body parameters, each a string as sent. */
  params: P;
  /** What a success answers, as JSON. */
  response: R;
  handle: (c: Context<BinanceEnv>, params: z.output<P>) => Promise<z.input<R>>;
}

/** Declares an endpoint with its types checked against each other. */
export function endpoint<P extends z.ZodType, R extends z.ZodType>(
  definition: Endpoint<P, R>,
): Endpoint<P, R> {
  return definition;
}

/** Mounts the endpoints on `app`: weight, then signature, then parameters, then the handler. */
export function mountEndpoints(app: Hono<BinanceEnv>, endpoints: readonly Endpoint[]): void {
  for (const definition of endpoints) {
    app.on(definition.method, definition.path, async (c) => {
      const raw = await readParameters(c);
      const params = parseParameters(definition.params, raw);
      const { weight, security } = definition;
      await c.var.spendWeight(typeof weight === "number" ? weight : weight(params));
      if (security === "USER_DATA" || security === "TRADE") {
        // An account's data, refusals included, must not be kept by a cache on the way.
        c.header("cache-control", "no-store");
        c.set("signer", await c.var.signIn(SCOPE_OF[security]));
      } else if (security === "USER_STREAM") {
        c.set("signer", await c.var.identify());
      }
      return c.json((await definition.handle(c, params)) as object);
    });
  }
}

/**
 * The request's parameters: the query string, then a form body, where a name sent in both is
 * the query string's (as Binance documents). A name sent twice in one of them is -1101.
 */
async function readParameters(c: Context): Promise<Record<string, string>> {
  const params: Record<string, string> = {};
  const take = (search: URLSearchParams) => {
    const seen = new Set<string>();
    for (const [name, value] of search) {
      if (seen.has(name)) {
        throw new BinanceError(-1101, `Duplicate values for parameter '${name}'.`);
      }
      seen.add(name);
      params[name] = value;
    }
  };
  const contentType = c.req.header("content-type") ?? "";
  if (c.req.method !== "GET" && contentType.startsWith("application/x-www-form-urlencoded")) {
    take(new URLSearchParams(await c.req.text()));
  }
  const url = c.req.url;
  const query = url.indexOf("?");
  if (query !== -1) take(new URLSearchParams(url.slice(query + 1)));
  return params;
}

/** Parses the parameters with the endpoint's schema; the first fault is Binance's refusal. */
function parseParameters<P extends z.ZodType>(schema: P, raw: Record<string, string>) {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const [issue] = parsed.error.issues;
  const name = String(issue?.path[0] ?? "");
  if (issue?.code === "custom" && issue.params?.binance instanceof BinanceError) {
    throw issue.params.binance;
  }
  const sent = raw[name];
  if (sent === undefined || sent === "") {
    throw new BinanceError(
      -1102,
      `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`,
    );
  }
  throw refusalForParameter(name, issue);
}
