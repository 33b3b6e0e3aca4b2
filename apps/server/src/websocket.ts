import { randomUUID } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { type ApiServices, appRouter, createContext } from "@cryptotrade/api";
import { type Principal, revokes } from "@cryptotrade/auth";
import { MAX_BATCH_SIZE } from "@cryptotrade/contract/limits";
import { applyWSSHandler } from "@trpc/server/adapters/ws";
import { type WebSocket, WebSocketServer } from "ws";
import type { SocketObserver } from "./metrics/socket-metrics";
import { resolveClientAddress } from "./middleware/client-address";
import { createConnectLimiter, createFloodGuard } from "./socket-guard";

const WEBSOCKET_PATH = "/ws";
/** A client this far behind on the socket is dropped rather than buffered for. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const SLOW_CONSUMER_CLOSE_CODE = 1013;
/** Application close code (4000-4999): the credential the socket carried stopped working. */
export const CREDENTIAL_REVOKED_CLOSE_CODE = 4401;
/**
 * A revoked socket closes this long after the revocation, so the answer to the call that
 * revoked it (a logout over this very socket) still goes out. Calls in between are refused:
 * the credential is checked at every call.
 */
const REVOKED_CLOSE_DELAY_MS = 50;

/** Another WebSocket endpoint on the same server, at paths of its own (Binance's streams). */
export interface UpgradeRoute {
  matches(path: string): boolean;
  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
}

export interface WebSocketEndpoint {
  /** Tells every client to reconnect (to another replica), then closes the sockets. */
  close(): Promise<void>;
  connections(): number;
}

/**
 * tRPC subscriptions over WebSocket at /ws on the same HTTP server. Browsers authenticate with
 * the session cookie (and must come from an allowed Origin, so another site cannot open a
 * socket with a visitor's cookie); bots pass `{ token }` as connection params. The server's one
 * upgrade listener hands other paths to `routes` that match them (404 when none does).
 */
export function attachWebSocket(
  server: Server,
  services: ApiServices,
  observer?: SocketObserver,
  routes: readonly UpgradeRoute[] = [],
): WebSocketEndpoint {
  const { config } = services;
  const allowedOrigins = new Set(config.allowedOrigins);
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  // Who each signed-in socket acts as, so a revocation finds the sockets it ends.
  const principals = new Map<WebSocket, Principal>();
  const stopHearingRevocations = services.auth.onCredentialRevoked((revocation) => {
    for (const [ws, principal] of principals) {
      if (!revokes(revocation, principal.user.id, principal.credential)) continue;
      principals.delete(ws);
      const reason = `${revocation.reason}: sign in again`.slice(0, 120);
      setTimeout(() => ws.close(CREDENTIAL_REVOKED_CLOSE_CODE, reason), REVOKED_CLOSE_DELAY_MS);
    }
  });
  // Registered before tRPC's own listener, so a flood is cut off before tRPC runs it, and
  // tRPC decodes each frame through the guard's parse of it rather than parsing it again.
  const floods = createFloodGuard();
  wss.on("connection", (ws) => {
    observer?.connected(ws);
    floods.guard(ws);
  });
  const connects = createConnectLimiter();
  const handler = applyWSSHandler({
    wss,
    router: appRouter,
    // The same cap as HTTP batches: one frame may not carry more calls than one request.
    maxBatchSize: MAX_BATCH_SIZE,
    keepAlive: { enabled: true, pingMs: 15_000, pongWaitMs: 5_000 },
    experimental_encoder: floods.encoder,
    createContext: async ({ req, res, info }) => {
      const headers = new Headers();
      for (const name of ["cookie", "user-agent"]) {
        const value = req.headers[name];
        if (typeof value === "string") headers.set(name, value);
      }
      const token = info.connectionParams?.token;
      if (token) headers.set("authorization", `Bearer ${token}`);
      const context = await createContext(services, {
        requestId: randomUUID(),
        ip: addressOf(req),
        userAgent: req.headers["user-agent"] ?? null,
        headers,
        resHeaders: new Headers(),
        socket: res,
      });
      if (context.principal && res.readyState === res.OPEN) {
        principals.set(res, context.principal);
        res.once("close", () => principals.delete(res));
      }
      return context;
    },
  });

  const addressOf = (req: IncomingMessage) => {
    const forwarded = req.headers["x-forwarded-for"];
    return resolveClientAddress(
      typeof forwarded === "string" ? forwarded : undefined,
      req.socket.remoteAddress,
      config.trustProxy,
    );
  };

  const refuse = (socket: Duplex, status: number, text: string) => {
    observer?.upgraded(status);
    refuseUpgrade(socket, status, text);
  };

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path !== WEBSOCKET_PATH) {
      const route = routes.find((candidate) => candidate.matches(path));
      return route ? route.upgrade(req, socket, head) : refuse(socket, 404, "Not Found");
    }
    const origin = req.headers.origin;
    if (req.headers.cookie && !(origin && allowedOrigins.has(origin))) {
      services.log.warn({ origin: origin ?? null }, "cross-site websocket refused");
      return refuse(socket, 403, "Forbidden");
    }
    connects
      .admit(addressOf(req))
      .then((admitted) => {
        if (!admitted) return refuse(socket, 429, "Too Many Requests");
        wss.handleUpgrade(req, socket, head, (ws) => {
          observer?.upgraded(101);
          wss.emit("connection", ws, req);
        });
      })
      .catch((error: unknown) => {
        services.log.error({ err: error }, "websocket upgrade failed");
        refuse(socket, 500, "Internal Server Error");
      });
  };
  server.on("upgrade", onUpgrade);

  const guard = setInterval(() => {
    for (const ws of wss.clients) {
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        ws.close(
          SLOW_CONSUMER_CLOSE_CODE,
          "slow consumer: too far behind, reconnect with lastEventId",
        );
      }
    }
  }, 500);
  guard.unref();

  return {
    connections: () => wss.clients.size,
    async close() {
      clearInterval(guard);
      stopHearingRevocations();
      server.off("upgrade", onUpgrade);
      handler.broadcastReconnectNotification();
      // Give the notices a moment to leave before the sockets close.
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const ws of wss.clients) ws.close(1012, "server restarting");
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\n\r\n`);
  socket.destroy();
}
