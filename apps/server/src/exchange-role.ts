import type { Config } from "@cryptotrade/config";
import type { DatabaseConnection } from "@cryptotrade/db/client";
import {
  describeHolder,
  Exchange,
  type ExchangeReplica,
  type ExchangeService,
  type Follower,
  LeaderLease,
  Leadership,
  type SequencerObserver,
  systemClock,
} from "@cryptotrade/exchange";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { serveAsLeader } from "./serve-as-leader";
import { startReplica } from "./start-replica";
import type { Streams } from "./streams";

/** This process's part in the exchange, which may change while it runs (ADR 017, ADR 029). */
export interface ExchangeRole {
  /** What the API calls: the sequencer while leading, the forwarder while following. */
  exchange: ExchangeService;
  /** The sequencer, while this process leads. */
  leader(): Exchange | undefined;
  /** Resolves when this process can take commands now; rejects saying why not. */
  checkReady(): Promise<void>;
  /** Drains the sequencer (if leading), lets the lease go, stops forwarding. */
  close(): Promise<void>;
  /** Calls `listener` whenever this process starts (true) or stops (false) leading; returns how to stop listening. */
  onLeadershipChange(listener: (leading: boolean) => void): () => void;
}

/**
 * Starts this process's exchange role: wires what `Leadership` (packages/exchange) starts when
 * it enters a state. `EXCHANGE_ROLE=replica` only ever follows. A candidate on PGlite leads
 * (one process owns that database, so there is no lease); on PostgreSQL it contends for the
 * lease, leads while it holds it, and otherwise follows over Redis (without Redis it refuses
 * commands) until the lease lapses.
 *
 * @example
 * const role = await startExchangeRole({ config, database, streams, redis, prefix, log });
 * const services = { ...others, exchange: role.exchange };
 */
export async function startExchangeRole(options: {
  config: Config;
  database: DatabaseConnection;
  streams: Streams;
  redis: Redis | undefined;
  prefix: string;
  log: Logger;
  /** Metrics and tracing of the sequencer, while this process leads. */
  observer?: SequencerObserver;
}): Promise<ExchangeRole> {
  const { config, database, streams, redis, prefix } = options;
  const db = database.db;
  const log = options.log.child({ component: "exchange" });
  const embedded = database.kind === "pglite";
  const leadership = new Leadership<Exchange, Follower & { exchange: ExchangeReplica }>({
    role: config.exchangeRole,
    lease: embedded
      ? undefined
      : new LeaderLease(
          db,
          describeHolder(config.exchangeInstance),
          config.leaseMs,
          config.exchangeInstance,
        ),
    leaseMs: config.leaseMs,
    clock: systemClock,
    log,
    wiring: {
      startSequencer: (epoch, onFenced) =>
        Exchange.start({
          db,
          log,
          maxBatchSize: config.maxBatchSize,
          maxQueueLength: config.maxQueueLength,
          ...(epoch === undefined ? {} : { epoch }),
          onFenced,
          ...(options.observer ? { observer: options.observer } : {}),
        }),
      serve: (exchange, epoch) =>
        serveAsLeader({ exchange, db, config, streams, redis, prefix, log, epoch }),
      follow: redis
        ? () =>
            startReplica({
              db,
              streams,
              redis,
              prefix,
              log,
              forwardTimeoutMs: config.forwardTimeoutMs,
            })
        : undefined,
    },
  });
  await leadership.start();
  return {
    exchange: leadership.exchange,
    leader: () => leadership.leader(),
    checkReady: () => leadership.checkReady(),
    close: () => leadership.stop(),
    onLeadershipChange: (listener) => leadership.onChange(listener),
  };
}
