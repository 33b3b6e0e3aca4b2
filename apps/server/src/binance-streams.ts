import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import type { ApiServices } from "@cryptotrade/api";
import { type Credential, revokes } from "@cryptotrade/auth";
import {
  answerControlFrame,
  type ConnectionProperties,
  followUserData,
  isListenKeyShaped,
  type ListenKeys,
  MarketStreamSource,
  WsApiSession,
} from "@cryptotrade/binance-api";
import { type WebSocket, WebSocketServer } from "ws";
import type { SocketObserver } from "./metrics/socket-metrics";
import { resolveClientAddress } from "./middleware/client-address";
import { createConnectLimiter, POLICY_VIOLATION_CLOSE_CODE } from "./socket-guard";
import { CREDENTIAL_REVOKED_CLOSE_CODE, type UpgradeRoute } from "./websocket";

/** Binance: at most 5 incoming messages a second (frames, pings and pongs) on a stream socket. */
const STREAM_MESSAGES_PER_SECOND = 5;
/** The WebSocket API carries requests, not just subscriptions: a little more room. */
const WS_API_MESSAGES_PER_SECOND = 20;
/** Binance pings every 20 s and drops a socket that has not answered within a minute. */
const PING_MS = 20_000;
const PONG_WAIT_MS = 60_000;
/** How often a user stream checks its listen key is still live (expiry, DELETE, any replica). */
const LISTEN_KEY_CHECK_MS = 1_000;
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;
const SLOW_CONSUMER_CLOSE_CODE = 1013;

export interface BinanceStreams {
  /** The upgrade paths served: `/ws/<streams or listenKey>`, `/stream`, `/ws-api/v3`. */
  route: UpgradeRoute;
  connections(): number;
  /** Sends `serverShutdown` and closes every socket (for the graceful stop). */
  close(): Promise<void>;
}

/** Whose data a socket carries, and through which key: what a revocation is matched against. */
interface Holder {
  userId: number;
  credential: Credential;
}

type Connection =
  | { kind: "market"; names: string[]; combined: boolean }
  | { kind: "userData"; listenKey: string }
  | { kind: "wsApi" };

/**
 * Binance's WebSocket endpoints beside tRPC's `/ws` on the same server: market streams at
 * `/ws/<stream>` and `/stream?streams=a/b`, a listen key's user data at `/ws/<listenKey>`, and
 * the WebSocket API's user data subscription at `/ws-api/v3` (what ccxt's `pro.binance` uses
 * for spot orders and balances). The protocol is in `@cryptotrade/binance-api`; this wires it
 * to sockets with `/ws`'s protections: connects per address, a message rate, ping/pong,
 * slow-consumer drop, revocation and a graceful close.
 *
 * @example
 * const binance = createBinanceStreams(services, { listenKeys });
 * attachWebSocket(server, services, observer, [binance.route]);
 */
export function createBinanceStreams(
  services: ApiServices,
  options: { listenKeys: ListenKeys; observer?: SocketObserver | undefined },
): BinanceStreams {
  const { listenKeys, observer } = options;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const source = new MarketStreamSource(services);
  const connects = createConnectLimiter();
  // Who each user data socket acts for, so a revoked key ends its streams.
  const principals = new Map<WebSocket, () => Holder[]>();
  const stopHearingRevocations = services.auth.onCredentialRevoked((revocation) => {
    for (const [ws, holdersOf] of principals) {
      if (holdersOf().some((h) => revokes(revocation, h.userId, h.credential))) {
        ws.close(CREDENTIAL_REVOKED_CLOSE_CODE, `${revocation.reason}`.slice(0, 120));
      }
    }
  });

  const addressOf = (req: IncomingMessage) => {
    const forwarded = req.headers["x-forwarded-for"];
    return resolveClientAddress(
      typeof forwarded === "string" ? forwarded : undefined,
      req.socket.remoteAddress,
      services.config.trustProxy,
    );
  };

  /** What the path asks for; undefined for a listen key that is not live (refused). */
  const connectionFor = async (url: URL): Promise<Connection | undefined> => {
    if (url.pathname === "/ws-api/v3") return { kind: "wsApi" };
    if (url.pathname === "/stream") {
      const names = (url.searchParams.get("streams") ?? "").split("/").filter(Boolean);
      return { kind: "market", names, combined: true };
    }
    const rest = url.pathname.slice("/ws/".length);
    if (isListenKeyShaped(rest)) {
      const entry = await listenKeys.find(rest);
      // A key revoked since the listen key was made opens nothing.
      const key = entry && (await services.auth.identifyApiKey(entry.owner.apiKeyId));
      return key?.ok ? { kind: "userData", listenKey: rest } : undefined;
    }
    return { kind: "market", names: rest.split("/").filter(Boolean), combined: false };
  };

  const refuse = (socket: Duplex, status: number, text: string) => {
    observer?.upgraded(status);
    socket.write(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\n\r\n`);
    socket.destroy();
  };

  const upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    connects
      .admit(addressOf(req))
      .then(async (admitted) => {
        if (!admitted) return refuse(socket, 429, "Too Many Requests");
        const connection = await connectionFor(url);
        if (!connection) return refuse(socket, 400, "Bad Request");
        wss.handleUpgrade(req, socket, head, (ws) => {
          observer?.upgraded(101);
          observer?.connected(ws);
          serve(ws, connection);
        });
      })
      .catch((error: unknown) => {
        services.log.error({ err: error }, "binance websocket upgrade failed");
        refuse(socket, 500, "Internal Server Error");
      });
  };

  const serve = (ws: WebSocket, connection: Connection) => {
    const closeWith = (code: number, reason: string) => {
      if (ws.readyState === ws.OPEN) ws.close(code, reason.slice(0, 120));
    };
    const fail = () => closeWith(SLOW_CONSUMER_CLOSE_CODE, "slow consumer: too far behind");
    keepAlive(ws);
    limitMessages(
      ws,
      connection.kind === "wsApi" ? WS_API_MESSAGES_PER_SECOND : STREAM_MESSAGES_PER_SECOND,
    );
    const sendJson = (message: unknown) => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
    };
    switch (connection.kind) {
      case "market": {
        const properties: ConnectionProperties = { combined: connection.combined };
        const session = source.session({
          send: (stream, data) => sendJson(properties.combined ? { stream, data } : data),
          fail,
        });
        // Names in the URL that are no stream here open nothing, as on Binance (ccxt opens
        // `/ws/0` and subscribes with frames).
        for (const name of connection.names.slice(0, session.room())) {
          const stream = session.parse(name);
          if (stream) session.subscribe(name, stream);
        }
        ws.on("message", (data, isBinary) => {
          if (isBinary) return closeWith(POLICY_VIOLATION_CLOSE_CODE, "text frames only");
          sendJson(answerControlFrame(data.toString(), session, properties));
        });
        ws.once("close", () => session.close());
        shutdownNotices.set(ws, () => properties.combined);
        return;
      }
      case "wsApi": {
        const session = new WsApiSession(services, sendJson, fail);
        principals.set(ws, () =>
          session.principals().map((p) => ({ userId: p.user.id, credential: p.credential })),
        );
        // Answers go out in the order the requests came.
        let answering = Promise.resolve();
        ws.on("message", (data) => {
          answering = answering
            .then(() => session.answer(data.toString()))
            .then(sendJson, (error: unknown) => {
              services.log.error({ err: error }, "websocket api request failed");
              closeWith(1011, "internal error");
            });
        });
        ws.once("close", () => {
          session.close();
          principals.delete(ws);
        });
        return;
      }
      case "userData":
        serveUserData(ws, connection.listenKey, sendJson, fail);
        return;
    }
  };

  const serveUserData = (
    ws: WebSocket,
    listenKey: string,
    sendJson: (message: unknown) => void,
    fail: () => void,
  ) => {
    const stop = new AbortController();
    let holder: Holder | undefined;
    principals.set(ws, () => (holder ? [holder] : []));
    ws.on("message", () => {
      // A user data stream takes no requests; frames only count against the rate.
    });
    const check = setInterval(() => {
      void listenKeys.find(listenKey).then((entry) => {
        if (entry || ws.readyState !== ws.OPEN) return;
        sendJson({ e: "listenKeyExpired", E: Date.now(), listenKey });
        ws.close(1000, "listenKey expired");
      });
    }, LISTEN_KEY_CHECK_MS);
    check.unref();
    ws.once("close", () => {
      clearInterval(check);
      stop.abort();
      principals.delete(ws);
    });
    void listenKeys.find(listenKey).then((entry) => {
      if (!entry) return ws.close(1000, "listenKey expired");
      holder = {
        userId: entry.owner.userId,
        credential: { kind: "apiKey", keyId: entry.owner.apiKeyId, scopes: [] },
      };
      followUserData(services, entry.owner.userId, stop.signal, sendJson, fail);
    });
  };

  // Which market sockets get their shutdown notice wrapped (combined) or raw.
  const shutdownNotices = new WeakMap<WebSocket, () => boolean>();

  const guard = setInterval(() => {
    for (const ws of wss.clients) {
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        ws.close(SLOW_CONSUMER_CLOSE_CODE, "slow consumer: too far behind");
      }
    }
  }, 500);
  guard.unref();

  return {
    route: {
      matches: (path) => path.startsWith("/ws/") || path === "/stream" || path === "/ws-api/v3",
      upgrade,
    },
    connections: () => wss.clients.size,
    async close() {
      clearInterval(guard);
      stopHearingRevocations();
      const notice = { e: "serverShutdown", E: Date.now() };
      for (const ws of wss.clients) {
        const combined = shutdownNotices.get(ws);
        if (combined && ws.readyState === ws.OPEN) {
          ws.send(
            JSON.stringify(combined() ? { stream: "!serverShutdown", data: notice } : notice),
          );
        }
      }
      // Give the notices a moment to leave before the sockets close.
      await new Promise((resolve) => setTimeout(resolve, 100));
      for (const ws of wss.clients) ws.close(1012, "server restarting");
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** Pings every PING_MS; a socket silent for PONG_WAIT_MS is dropped. */
function keepAlive(ws: WebSocket): void {
  let lastHeard = Date.now();
  ws.on("pong", () => {
    lastHeard = Date.now();
  });
  ws.on("message", () => {
    lastHeard = Date.now();
  });
  const timer = setInterval(() => {
    if (Date.now() - lastHeard > PONG_WAIT_MS) return ws.terminate();
    if (ws.readyState === ws.OPEN) ws.ping();
  }, PING_MS);
  timer.unref();
  ws.once("close", () => clearInterval(timer));
}

/** Closes a socket that sends more than `perSecond` messages (frames, pings, pongs) in a second. */
function limitMessages(ws: WebSocket, perSecond: number): void {
  let windowStart = 0;
  let count = 0;
  const countOne = () => {
    const now = Date.now();
    if (now - windowStart >= 1000) {
      windowStart = now;
      count = 0;
    }
    count += 1;
    if (count > perSecond && ws.readyState === ws.OPEN) {
      ws.close(POLICY_VIOLATION_CLOSE_CODE, `too many messages: at most ${perSecond} a second`);
    }
  };
  // Registered first, so a frame past the limit is not answered.
  ws.prependListener("message", countOne);
  ws.on("ping", countOne);
  ws.on("pong", countOne);
}
