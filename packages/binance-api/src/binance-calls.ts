import { type ApiServices, appRouter, createContext, type RequestInfo } from "@cryptotrade/api";
import type { LimiterStore, Principal } from "@cryptotrade/auth";
import type { Procedures } from "./binance-api";
import { BinanceError, binanceAnswerOf } from "./binance-errors";
import { type Endpoint, type EndpointCall, parseParameters, SCOPE_OF } from "./endpoint";
import { MarketDirectory } from "./markets";
import { RequestWeights } from "./request-weights";
import { signatureRefusal } from "./signed";
import { ListenKeys } from "./streams/listen-keys";

/** A request to the surface as the HTTP layer hands it over, whichever server read it. */
export interface BinanceRequest {
  method: string;
  /** Below `/api/v3`: `/order`. */
  path: string;
  /** Everything after `?`, exactly as sent: the signature covers it. */
  queryString: string;
  /** The body as sent (read once, on first use); "" for a GET. */
  body: () => Promise<string>;
  /** A request header by its lower-case name. */
  header: (name: string) => string | undefined;
  info: Omit<RequestInfo, "headers" | "resHeaders">;
}

/** What to send back: Binance's JSON, its status, and the headers the pipeline set. */
export interface BinanceResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface BinanceCallsDeps {
  services: ApiServices;
  /** Where request weights are counted: Redis shared by the replicas, or this process's memory. */
  weightStore?: LimiterStore | undefined;
  /** The listen keys, shared with the stream endpoint (`/ws/<listenKey>`); in memory without. */
  listenKeys?: ListenKeys | undefined;
}

/**
 * The session cookie and `Authorization: Bearer` of /trpc are never read here: a browser's
 * cookie must not act on this surface (no CSRF), and public endpoints call as the anonymous
 * caller of the client's address, as Binance counts them.
 */
const NO_CREDENTIAL = new Headers();

/** Binance's words for a 429 and for the ban (418) that follows ignoring them. */
function tooMuchWeight(limit: number, refusal: { status: 429 | 418; until: number }) {
  if (refusal.status === 418) {
    return new BinanceError(
      -1003,
      `Way too much request weight used; IP banned until ${refusal.until}. Please use WebSocket Streams for live updates to avoid bans.`,
      418,
    );
  }
  return new BinanceError(
    -1003,
    `Too much request weight used; current limit is ${limit} request weight per 1 MINUTE. Please use WebSocket Streams for live updates to avoid polling the API.`,
    429,
  );
}

/**
 * Every `/api/v3` request's one pipeline, free of any HTTP framework so the Hono app and the
 * Node listener's lean path (ADR 039) run the same steps: the endpoint by method and path,
 * then its parameters, its request weight, its key and signature, and its handler over the
 * procedures (the request's tRPC caller: no second path to data or money). Refusals answer
 * as Binance's `{"code","msg"}` JSON; a bug answers -1000 and is logged.
 *
 * @example
 * const calls = new BinanceCalls({ services });
 * const response = await calls.answer({ method: "GET", path: "/ping", queryString: "", ... });
 */
export class BinanceCalls {
  private readonly byRoute: Map<string, Endpoint>;
  private readonly weights: RequestWeights;
  private readonly markets = new MarketDirectory();
  private readonly services: ApiServices;
  readonly listenKeys: ListenKeys;

  constructor(
    endpoints: readonly Endpoint[],
    { services, weightStore, listenKeys = new ListenKeys() }: BinanceCallsDeps,
  ) {
    this.byRoute = new Map(endpoints.map((e) => [`${e.method} ${e.path}`, e]));
    this.weights = new RequestWeights(weightStore);
    this.services = services;
    this.listenKeys = listenKeys;
  }

  /** Whether `method path` (below `/api/v3`) is an endpoint, so worth a lean answer. */
  has(method: string, path: string): boolean {
    return this.byRoute.has(`${method} ${path}`);
  }

  async answer(request: BinanceRequest): Promise<BinanceResponse> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    try {
      const endpoint = this.byRoute.get(`${request.method} ${request.path}`);
      if (!endpoint) {
        throw new BinanceError(
          -1020,
          `This operation is not supported: ${request.method} /api/v3${request.path}`,
          404,
        );
      }
      const { status, body } = await this.run(endpoint, request, headers);
      return { status, headers, body: JSON.stringify(body) };
    } catch (error) {
      const answer = binanceAnswerOf(error);
      // A refusal is the client's business; anything answered -1000 is a bug to look at.
      if (answer.code === -1000) {
        this.services.log.error(
          { err: error, path: request.path, requestId: request.info.requestId },
          "unhandled error",
        );
      }
      if (answer.retryAfterSeconds !== undefined) {
        headers["retry-after"] = String(answer.retryAfterSeconds);
      }
      const body = JSON.stringify({ code: answer.code, msg: answer.msg });
      return { status: answer.status, headers, body };
    }
  }

  /** Parameters, then weight, then signature, then the handler; headers collect on the way. */
  private async run(
    endpoint: Endpoint,
    request: BinanceRequest,
    headers: Record<string, string>,
  ): Promise<{ status: number; body: unknown }> {
    const { services } = this;
    const hasBody = request.method !== "GET" && request.method !== "HEAD";
    const body = hasBody ? await request.body() : "";
    const isForm = (request.header("content-type") ?? "").startsWith(
      "application/x-www-form-urlencoded",
    );
    const raw = readParameters(request.queryString, isForm ? body : "");
    const params = parseParameters(endpoint.params, raw);

    const { weight, security } = endpoint;
    const spent = await this.weights.spend(
      request.info.ip,
      typeof weight === "number" ? weight : weight(params),
    );
    if (spent.weight !== undefined) {
      headers["x-mbx-used-weight"] = String(spent.weight);
      headers["x-mbx-used-weight-1m"] = String(spent.weight);
    }
    if (spent.refusal) {
      headers["retry-after"] = String(spent.refusal.retryAfterSeconds);
      throw tooMuchWeight(this.weights.limit, spent.refusal);
    }

    let signer: Principal | undefined;
    if (security === "USER_DATA" || security === "TRADE") {
      // An account's data, refusals included, must not be kept by a cache on the way.
      headers["cache-control"] = "no-store";
      const signed = {
        apiKey: request.header("x-mbx-apikey"),
        queryString: request.queryString,
        body,
      };
      const result = await services.auth.verifySignedRequest(signed, SCOPE_OF[security]);
      if (!result.ok) throw signatureRefusal(result.refusal);
      signer = result.authentication.principal;
    } else if (security === "USER_STREAM") {
      const result = await services.auth.identifyApiKey(request.header("x-mbx-apikey"));
      if (!result.ok) throw signatureRefusal(result.refusal);
      signer = result.authentication.principal;
    }

    const resHeaders = new Headers();
    let procedures: Promise<Procedures> | undefined;
    let status = 200;
    const call: EndpointCall = {
      status: (code) => {
        status = code;
      },
      var: {
        procedures: () => {
          procedures ??= createContext(
            services,
            { ...request.info, headers: NO_CREDENTIAL, resHeaders },
            signer,
          ).then((ctx) => appRouter.createCaller(ctx));
          return procedures;
        },
        markets: this.markets,
        get signer(): Principal {
          if (!signer) throw new Error(`${endpoint.path} is not signed: it has no signer`);
          return signer;
        },
        listenKeys: this.listenKeys,
      },
    };
    try {
      return { body: await endpoint.handle(call, params), status };
    } finally {
      // What the procedures set (Retry-After on a refusal) travels with the answer, as on /trpc.
      for (const [name, value] of resHeaders) headers[name] = value;
    }
  }
}

/**
 * The request's parameters: the query string, then a form body, where a name sent in both is
 * the query string's (as Binance documents). A name sent twice in one of them is -1101.
 */
function readParameters(queryString: string, formBody: string): Record<string, string> {
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
  if (formBody) take(new URLSearchParams(formBody));
  if (queryString) take(new URLSearchParams(queryString));
  return params;
}
