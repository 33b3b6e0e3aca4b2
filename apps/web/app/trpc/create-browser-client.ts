import type { AppRouter } from "@cryptotrade/api";
import { MAX_BATCH_SIZE } from "@cryptotrade/contract/limits";
import {
  createTRPCClient,
  createWSClient,
  httpBatchLink,
  splitLink,
  type TRPCLink,
  wsLink,
} from "@trpc/client";
import { observable } from "@trpc/server/observable";
import superjson from "superjson";
import { CREDENTIAL_REVOKED_CLOSE_CODE, leaveForLogin } from "./session-end";

/**
 * Watches every call's answer: an UNAUTHORIZED means the sign-in this page was rendered with
 * has ended, so the page leaves for /login (only when it was signed in; see session-end.ts).
 */
const signInEndedLink: TRPCLink<AppRouter> = () => {
  return ({ next, op }) =>
    observable((observer) =>
      next(op).subscribe({
        next: (value) => observer.next(value),
        error: (error) => {
          if (error.data?.code === "UNAUTHORIZED") void leaveForLogin();
          observer.error(error);
        },
        complete: () => observer.complete(),
      }),
    );
};

/**
 * The browser's tRPC client: queries and mutations over HTTP to /trpc (batched), every
 * subscription over ONE WebSocket to /ws. Both carry the session cookie, so no token is handled
 * by page scripts. The socket opens with the first subscription and reconnects by itself;
 * subscriptions resume from the last tracked event id they saw (`lastEventId`). A socket the
 * server closes with 4401 (this session revoked elsewhere) sends the page to /login.
 */
export function createBrowserClient() {
  const http = httpBatchLink({ url: "/trpc", transformer: superjson, maxItems: MAX_BATCH_SIZE });
  // Server rendering runs no queries (loaders bring the first data) and Node 20 has no
  // WebSocket: there the client is HTTP only and never called.
  if (typeof window === "undefined") return createTRPCClient<AppRouter>({ links: [http] });
  const ws = createWSClient({
    url: `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/ws`,
    lazy: { enabled: true, closeMs: 10_000 },
    onClose: (cause) => {
      if (cause?.code === CREDENTIAL_REVOKED_CLOSE_CODE) void leaveForLogin();
    },
  });
  return createTRPCClient<AppRouter>({
    links: [
      signInEndedLink,
      splitLink({
        condition: (op) => op.type === "subscription",
        true: wsLink({ client: ws, transformer: superjson }),
        false: http,
      }),
    ],
  });
}
