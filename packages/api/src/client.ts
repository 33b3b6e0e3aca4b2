import { createTRPCClient, httpBatchLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "./root";

export interface ClientOptions {
  /** The exchange's base URL, e.g. `http://localhost:8080`. */
  url: string;
  /** An API key or session token, sent as `Authorization: Bearer`. */
  token?: string;
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
        ...(options.fetch ? { fetch: options.fetch } : {}),
        headers: () => (options.token ? { authorization: `Bearer ${options.token}` } : {}),
      }),
    ],
  });
}

export type Client = ReturnType<typeof createClient>;
export type { AppRouter };
