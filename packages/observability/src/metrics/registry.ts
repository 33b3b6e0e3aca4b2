import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Latency buckets in seconds: sub-millisecond reads up to multi-second stalls. */
const LATENCY_BUCKETS = [
  0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
];
const BATCH_SIZE_BUCKETS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000];

/**
 * Every metric the exchange exports, in one registry made at the app's edge. Labels are
 * bounded sets (procedures, markets, codes), never a user or an order.
 */
export function createMetricSet(registry: Registry, samplers: Samplers) {
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
    orders: new Counter({
      name: "cryptotrade_orders_total",
      help: "Orders placed, by market, order type and outcome (the order's status, or the refusal's code)",
      labelNames: ["market", "type", "outcome"] as const,
      registers,
    }),
    trades: new Counter({
      name: "cryptotrade_trades_total",
      help: "Trades executed, by market",
      labelNames: ["market"] as const,
      registers,
    }),
    tradeVolumeBase: new Counter({
      name: "cryptotrade_trade_volume_base_total",
      help: "Traded quantity in the market's base asset",
      labelNames: ["market"] as const,
      registers,
    }),
    tradeVolumeQuote: new Counter({
      name: "cryptotrade_trade_volume_quote_total",
      help: "Traded notional in the market's quote asset",
      labelNames: ["market", "asset"] as const,
      registers,
    }),
    tradeFees: new Counter({
      name: "cryptotrade_trade_fees_quote_total",
      help: "Maker and taker fees charged, in the market's quote asset",
      labelNames: ["market", "asset"] as const,
      registers,
    }),
    queueDepth: new Gauge({
      name: "cryptotrade_sequencer_queue_depth",
      help: "Commands waiting for the sequencer",
      registers,
    }),
    queueWait: new Histogram({
      name: "cryptotrade_sequencer_queue_wait_seconds",
      help: "Time a command waited in the queue before its batch ran",
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    batchSize: new Histogram({
      name: "cryptotrade_sequencer_batch_size",
      help: "Commands per committed batch",
      buckets: BATCH_SIZE_BUCKETS,
      registers,
    }),
    matchDuration: new Histogram({
      name: "cryptotrade_sequencer_match_duration_seconds",
      help: "Time to run one batch's commands in memory (matching and settlement)",
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    commitDuration: new Histogram({
      name: "cryptotrade_sequencer_commit_duration_seconds",
      help: "Time to write one batch durably (the transaction and its COMMIT)",
      buckets: LATENCY_BUCKETS,
      registers,
    }),
    batchesCommitted: new Counter({
      name: "cryptotrade_sequencer_batches_committed_total",
      help: "Batches written durably",
      registers,
    }),
    commitFailures: new Counter({
      name: "cryptotrade_sequencer_commit_failures_total",
      help: "Batches that could not be written (the sequencer rebuilt from the database or stepped down)",
      registers,
    }),
    lastCommit: new Gauge({
      name: "cryptotrade_sequencer_last_commit_timestamp_seconds",
      help: "When this process last committed a batch (Unix time)",
      registers,
    }),
    leader: new Gauge({
      name: "cryptotrade_exchange_leader",
      help: "1 while this process runs the sequencer (holds the leadership), 0 otherwise",
      registers,
      collect() {
        this.set(samplers.exchange().leader ? 1 : 0);
      },
    }),
    halted: new Gauge({
      name: "cryptotrade_exchange_halted",
      help: "1 while this process leads but its sequencer refuses work (rebuilding, fenced, stalled)",
      registers,
      collect() {
        this.set(samplers.exchange().halted ? 1 : 0);
      },
    }),
    invariantsOk: new Gauge({
      name: "cryptotrade_invariants_ok",
      help: "Result of the last money invariant check: 1 passed, 0 violated",
      registers,
    }),
    invariantProblems: new Gauge({
      name: "cryptotrade_invariants_problems",
      help: "Violations the last money invariant check found",
      registers,
    }),
    invariantsCheckedAt: new Gauge({
      name: "cryptotrade_invariants_last_check_timestamp_seconds",
      help: "When the money invariants were last checked (Unix time)",
      registers,
    }),
    dependencyUp: new Gauge({
      name: "cryptotrade_dependency_up",
      help: "1 when the dependency (postgres, redis) answered its last probe, 0 otherwise",
      labelNames: ["dependency"] as const,
      registers,
    }),
    dependencyErrors: new Counter({
      name: "cryptotrade_dependency_errors_total",
      help: "Errors from a dependency (postgres, redis): failed probes and client error events",
      labelNames: ["dependency"] as const,
      registers,
    }),
  };
}

export type MetricSet = ReturnType<typeof createMetricSet>;

/** Values read at scrape time, from parts built after the registry (set them when wiring). */
export interface Samplers {
  activeUsers: () => number;
  exchange: () => { leader: boolean; halted: boolean };
}

/**
 * A registry with the process's own metrics (CPU, memory, event-loop lag, GC) and the
 * exchange's. Build one per process, at its edge, and pass it in.
 *
 * @example
 * const { registry, metrics, samplers } = createMetrics();
 * samplers.exchange = () => ({ leader: Boolean(role.leader()), halted: false });
 * metrics.trades.inc({ market: "BTC-USDT" });
 */
export function createMetrics(): { registry: Registry; metrics: MetricSet; samplers: Samplers } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const samplers: Samplers = {
    activeUsers: () => 0,
    exchange: () => ({ leader: false, halted: false }),
  };
  return { registry, metrics: createMetricSet(registry, samplers), samplers };
}
