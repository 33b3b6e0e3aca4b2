import type { AppRouter } from "@cryptotrade/api";
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink } from "@trpc/client";
import superjson from "superjson";

/** The server's batch limit (MAX_BATCH_SIZE in @cryptotrade/api); more calls split into requests. */
const MAX_BATCH_ITEMS = 50;

/**
 * The browser's tRPC client: queries and mutations over HTTP to /trpc (batched), every
 * subscription over ONE WebSocket to /ws. Both carry the session cookie, so no token is handled
 * by page scripts. The socket opens with the first subscription and reconnects by itself;
 * subscriptions resume from the last tracked event id they saw (`lastEventId`).
 */
export function createBrowserClient() {
  const http = httpBatchLink({ url: "/trpc", transformer: superjson, maxItems: MAX_BATCH_ITEMS });
  // Server rendering runs no queries (loaders bring the first data) and Node 20 has no
  // WebSocket: there the client is HTTP only and never called.
  if (typeof window === "undefined") return createTRPCClient<AppRouter>({ links: [http] });
  const ws = createWSClient({
    url: `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/ws`,
    lazy: { enabled: true, closeMs: 10_000 },
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
