import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiServices } from "@cryptotrade/api";
import { type AppRouter, createClient } from "@cryptotrade/api/client";
import type { BinanceCalls, ListenKeys } from "@cryptotrade/binance-api";
import { createTRPCClient, createWSClient, wsLink } from "@trpc/client";
import superjson from "superjson";
import WebSocket from "ws";
import type { App } from "../app";
import { createBinanceStreams } from "../binance-streams";
import { createRequestListener } from "../node-listener";
import type { Observability } from "../observability";
import { attachWebSocket } from "../websocket";

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** Serves the app with its WebSocket endpoints (tRPC's and Binance's) on 127.0.0.1 and a free port. */
export async function listenOnLoopback(
  app: App,
  services: ApiServices,
  {
    observability,
    listenKeys,
    binance,
  }: { observability?: Observability; listenKeys?: ListenKeys; binance?: BinanceCalls } = {},
): Promise<Listening> {
  const listener = await createRequestListener(app, services, binance);
  const server = createServer(observability ? observability.observeRequests(listener) : listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const binanceStreams = listenKeys
    ? createBinanceStreams(services, { listenKeys, observer: observability?.sockets })
    : undefined;
  const websocket = attachWebSocket(
    server,
    services,
    observability?.sockets,
    binanceStreams ? [binanceStreams.route] : [],
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      await Promise.all([websocket.close(), binanceStreams?.close()]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type SubscriberClient = ReturnType<typeof createSubscriberClient>;

/** The typed client with subscriptions over a real WebSocket (Node 20 has no global one). */
export function createSubscriberClient(url: string, token?: string) {
  return createClient({
    url,
    token,
    webSocket: WebSocket as unknown as typeof globalThis.WebSocket,
  });
}

/**
 * A typed client whose every call goes over one real WebSocket, as a browser's or a bot's
 * socket would carry them, and the close codes the server sent it. After a close it
 * reconnects (with the same token) only after a pause, as a browser would.
 */
export function createSocketClient(url: string, token?: string) {
  const closes: { code: number; reason: string }[] = [];
  const socketUrl = `${url.replace(/^http/, "ws")}/ws`;
  class RecordingWebSocket extends WebSocket {
    constructor(address: string) {
      super(address);
      this.on("close", (code, reason) => closes.push({ code, reason: reason.toString() }));
    }
  }
  const ws = createWSClient({
    url: socketUrl,
    WebSocket: RecordingWebSocket as unknown as typeof globalThis.WebSocket,
    connectionParams: () => (token ? { token } : null),
    retryDelayMs: () => 1_000,
  });
  const client = createTRPCClient<AppRouter>({
    links: [wsLink({ client: ws, transformer: superjson })],
  });
  return { client, closes, close: () => ws.close() };
}
