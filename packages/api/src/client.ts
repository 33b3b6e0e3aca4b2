import { MAX_BATCH_SIZE } from "@cryptotrade/contract/limits";
import {
  createTRPCClient,
  createWSClient,
  httpBatchLink,
  httpLink,
  splitLink,
  wsLink,
} from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import superjson from "superjson";
import type { AppRouter } from "./root";

export interface ClientOptions {
  /** The exchange's base URL, e.g. `http://localhost:8080`. */
  url: string;
  /** An API key or session token, sent as `Authorization: Bearer`. */
  token?: string | undefined;
  /**
   * Extra headers on every request. Calls without a token (registering or logging in from a
   * script) are treated as browser requests and need an allowed `Origin` here.
   */
  headers?: Record<string, string>;
  /**
   * The WebSocket class for subscriptions; defaults to the global one (browsers, Node 22+).
   * On Node 20 pass the `ws` package's. Without either, the client has no subscriptions.
   */
  webSocket?: typeof globalThis.WebSocket;
  /**
   * Send calls made in the same tick as one request (the default, good for pages that load
   * many things at once). A bot that awaits each call can turn it off: a single call takes
   * the server's lean path (ADR 011).
   */
  batch?: boolean;
  /** A fetch to use instead of the global one (tests pass `app.fetch`). */
  fetch?: (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
}

/**
 * The typed client for bots and internal tools.
 *
 * @example
 * const client = createClient({ url: "http://localhost:8080", token: process.env.API_KEY });
 * const markets = await client.market.list.query();
 */
export function createClient(options: ClientOptions) {
  const base = options.url.replace(/\/$/, "");
  const linkOptions = {
    url: `${base}/trpc`,
    transformer: superjson,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    headers: () => ({
      ...options.headers,
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    }),
  };
  const http =
    options.batch === false
      ? httpLink(linkOptions)
      : httpBatchLink({ ...linkOptions, maxItems: MAX_BATCH_SIZE });
  const WebSocketImpl = options.webSocket ?? globalThis.WebSocket;
  if (!WebSocketImpl) return createTRPCClient<AppRouter>({ links: [http] });
  // Subscriptions go over one WebSocket, opened on the first subscription only.
  const ws = createWSClient({
    url: `${base.replace(/^http/, "ws")}/ws`,
    WebSocket: WebSocketImpl,
    lazy: { enabled: true, closeMs: 10_000 },
    connectionParams: () => (options.token ? { token: options.token } : null),
  });
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === "subscription",
        true: wsLink({ client: ws, transformer: superjson }),
        false: http,
      }),
    ],
  });
}

export type Client = ReturnType<typeof createClient>;
export type { AppRouter };

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
