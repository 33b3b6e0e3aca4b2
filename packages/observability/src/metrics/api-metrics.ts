import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import { LATENCY_BUCKETS } from "./buckets";
import type { Samplers } from "./registry";

/** HTTP, tRPC, sign-in, limits and WebSocket metrics: what callers do and get. */
export function createApiMetrics(registry: Registry, samplers: Samplers) {
  const registers = [registry];
  return {
    httpRequests: new Counter({
      name: "cryptotrade_http_requests_total",
      help: "HTTP requests answered, by route template, method and status",
      labelNames: ["route", "method", "status"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "cryptotrade_http_request_duration_seconds",
      help: "Time from request to the end of the answer, by route template",
      labelNames: ["route", "method"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    trpcCalls: new Counter({
      name: "cryptotrade_trpc_calls_total",
      help: "tRPC calls by procedure, type, transport and result code (OK or the tRPC error code)",
      labelNames: ["procedure", "type", "transport", "code"] as const,
      registers,
    }),
    trpcDuration: new Histogram({
      name: "cryptotrade_trpc_call_duration_seconds",
      help: "Time a tRPC call took, through every middleware, by procedure and type",
      labelNames: ["procedure", "type"] as const,
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    loginFailures: new Counter({
      name: "cryptotrade_login_failures_total",
      help: "Failed sign-in steps (password, TOTP, recovery code) by step and result code",
      labelNames: ["step", "code"] as const,
      registers,
    }),
    rateLimited: new Counter({
      name: "cryptotrade_rate_limited_total",
      help: "Calls and connections refused with TOO_MANY_REQUESTS (or 429), by the limit that refused",
      labelNames: ["reason"] as const,
      registers,
    }),
    activeUsers: new Gauge({
      name: "cryptotrade_active_users",
      help: "Distinct signed-in users who made a call in the last 5 minutes (this process)",
      registers,
      collect() {
        this.set(samplers.activeUsers());
      },
    }),
    wsConnections: new Gauge({
      name: "cryptotrade_ws_connections",
      help: "Open WebSocket connections",
      registers,
    }),
    wsConnectionsOpened: new Counter({
      name: "cryptotrade_ws_connections_opened_total",
      help: "WebSocket connections accepted",
      registers,
    }),
    wsCloses: new Counter({
      name: "cryptotrade_ws_closes_total",
      help: "WebSocket closes by reason: normal, slow_consumer (1013), policy (1008), revoked (4401), restart (1012), other",
      labelNames: ["reason"] as const,
      registers,
    }),
    wsMessagesSent: new Counter({
      name: "cryptotrade_ws_messages_sent_total",
      help: "Frames written to WebSocket clients (answers and stream messages)",
      registers,
    }),
    wsSubscriptions: new Gauge({
      name: "cryptotrade_ws_subscriptions",
      help: "Open subscriptions by channel kind (book, trades, ticker, candles, user)",
      labelNames: ["channel"] as const,
      registers,
    }),
    wsSubscriptionsOpened: new Counter({
      name: "cryptotrade_ws_subscriptions_opened_total",
      help: "Subscriptions started, by channel kind",
      labelNames: ["channel"] as const,
      registers,
    }),
    wsResumes: new Counter({
      name: "cryptotrade_ws_resumes_total",
      help: "Subscriptions resumed from lastEventId, by outcome: replayed (nothing lost) or resync",
      labelNames: ["channel", "outcome"] as const,
      registers,
    }),
    wsSlowConsumers: new Counter({
      name: "cryptotrade_ws_slow_consumer_drops_total",
      help: "Subscribers dropped for falling behind: socket (closed 1013) or queue (subscription ended)",
      labelNames: ["stage"] as const,
      registers,
    }),
  };
}
