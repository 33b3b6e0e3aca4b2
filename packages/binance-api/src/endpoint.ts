import type { Principal, Scope } from "@cryptotrade/auth";
import type { z } from "zod";
import type { Procedures } from "./binance-api";
import type { MarketDirectory } from "./markets";
import { refusalForParameter } from "./params";
import type { ListenKeys } from "./streams/listen-keys";

/**
 * Binance's security types: NONE is public; USER_DATA and TRADE are signed with a key that may
 * read or trade (ADR 034); USER_STREAM needs the key alone, as Binance's listen keys do.
 */
export type Security = "NONE" | "USER_DATA" | "TRADE" | "USER_STREAM";

export const SCOPE_OF: Record<Exclude<Security, "NONE" | "USER_STREAM">, Scope> = {
  USER_DATA: "read",
  TRADE: "trade",
};

/** What a handler may use of its request, whichever HTTP path it came by (see `binance-calls.ts`). */
export interface EndpointCall {
  var: {
    /** The procedures as this request's caller: the key's owner once signed, else anonymous. */
    procedures: () => Promise<Procedures>;
    /** The markets by Binance's name, one directory for the app. */
    markets: MarketDirectory;
    /** The key's owner, on a signed or USER_STREAM endpoint once its key is checked. */
    signer: Principal;
    /** The user data streams' listen keys (`/userDataStream`). */
    listenKeys: ListenKeys;
  };
  /** The answer's HTTP status, where a success is not 200 (cancelReplace's partial failure). */
  status(code: number): void;
}

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
  /** How a weight that depends on the parameters is counted, for the document. */
  weightDescription?: string;
  /** The query string and form body parameters, each a string as sent. */
  params: P;
  /** What a success answers, as JSON. */
  response: R;
  handle: (c: EndpointCall, params: z.output<P>) => Promise<z.input<R>>;
}

/** Declares an endpoint with its types checked against each other. */
export function endpoint<P extends z.ZodType, R extends z.ZodType>(
  definition: Endpoint<P, R>,
): Endpoint<P, R> {
  return definition;
}

/**
 * Parses the parameters with the endpoint's schema. The first fault is Binance's refusal; a
 * fault of the whole request (a combination refused, path `[]`) comes before any parameter's.
 *
 * @example
 * parseParameters(z.object({ symbol: SymbolParam }), { symbol: "btc" }); // throws -1100
 */
export function parseParameters<P extends z.ZodType>(
  schema: P,
  raw: Record<string, string>,
): z.output<P> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const { issues } = parsed.error;
  throw refusalForParameter(issues.find((issue) => issue.path.length === 0) ?? issues[0], raw);
}
