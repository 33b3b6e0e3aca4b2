import { Counter, Gauge, Histogram, type Registry } from "prom-client";
import { BATCH_SIZE_BUCKETS, LATENCY_BUCKETS } from "./buckets";
import type { Samplers } from "./registry";

/** Orders, trades, the sequencer, leadership, invariants and dependencies: the exchange itself. */
export function createExchangeMetrics(registry: Registry, samplers: Samplers) {
  const registers = [registry];
  return {
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
    busyRefusals: new Counter({
      name: "cryptotrade_sequencer_busy_refusals_total",
      help: "Commands refused at once because the sequencer's queue was at its bound",
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
    invariantsOk: withoutSample(
      new Gauge({
        name: "cryptotrade_invariants_ok",
        help: "Result of the last money invariant check: 1 passed, 0 violated (only on the process that checks: the leader)",
        registers,
      }),
    ),
    invariantProblems: withoutSample(
      new Gauge({
        name: "cryptotrade_invariants_problems",
        help: "Violations the last money invariant check found",
        registers,
      }),
    ),
    invariantsCheckedAt: withoutSample(
      new Gauge({
        name: "cryptotrade_invariants_last_check_timestamp_seconds",
        help: "When the money invariants were last checked (Unix time)",
        registers,
      }),
    ),
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

/**
 * A gauge without labels exports 0 until it is set. For the invariant check's results that 0
 * reads as "violated" on every process that never checks (standbys, replicas): they export
 * nothing instead, and `scheduleInvariantChecks` sets and clears them.
 */
function withoutSample<T extends Gauge>(gauge: T): T {
  gauge.remove();
  return gauge;
}
