import { createTRPCClient, httpBatchLink } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import superjson from "superjson";
import { MAX_BATCH_SIZE } from "./batch";
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
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${base}/trpc`,
        transformer: superjson,
        maxItems: MAX_BATCH_SIZE,
        ...(options.fetch ? { fetch: options.fetch } : {}),
        headers: () => ({
          ...options.headers,
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        }),
      }),
    ],
  });
}

export type Client = ReturnType<typeof createClient>;
export type { AppRouter };

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
