import type { Config } from "@cryptotrade/config";
import type { DatabaseConnection } from "@cryptotrade/db/client";
import {
  describeHolder,
  Exchange,
  type ExchangeService,
  ExchangeSwitch,
  LeaderLease,
  type SequencerObserver,
} from "@cryptotrade/exchange";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { type HeldLease, renewLease } from "./lease-renewal";
import { type LeaderServing, type Streams, serveAsLeader, startReplica } from "./streams";

/** How long a standby's readiness check waits for the leader to answer a ping. */
const LEADER_PING_MS = 1_000;
/** A standby bids this long after the lease should have lapsed, so it finds it lapsed. */
const LAPSE_MARGIN_MS = 5;

/** This process's part in the exchange, which may change while it runs (ADR 017). */
export interface ExchangeRole {
  /** What the API calls: the sequencer while leading, the forwarder while standing by. */
  exchange: ExchangeService;
  /** The sequencer, while this process leads. */
  leader(): Exchange | undefined;
  /** Resolves when this process can take commands now; rejects saying why not. */
  checkReady(): Promise<void>;
  /** Drains the sequencer (if leading), lets the lease lapse, stops forwarding. */
  close(): Promise<void>;
  /** Calls `listener` whenever this process starts (true) or stops (false) leading; returns how to stop listening. */
  onLeadershipChange(listener: (leading: boolean) => void): () => void;
}

interface Leading {
  exchange: Exchange;
  /** Undefined on PGlite, where the leadership is claimed, not leased. */
  epoch: number | undefined;
  serving: LeaderServing;
}

/**
 * Starts this process's exchange role. `EXCHANGE_ROLE=replica` only ever forwards. A candidate
 * (`EXCHANGE_ROLE=leader`) on PGlite claims the leadership (one process owns that database);
 * on PostgreSQL it contends for the lease: it leads while it holds it, and otherwise stands by
 * as a forwarding replica (with Redis; without, it refuses commands) and takes over when the
 * lease lapses. A leader that loses the lease, or whose batch is fenced off, steps down to
 * standby and contends again.
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
  /** How often a standby bids for the lease at most apart, and a leader renews it. */
  const pollMs = config.leaseMs / 3;
  const lease = new LeaderLease(db, describeHolder(), config.leaseMs);
  const exchange = new ExchangeSwitch();
  let leading: Leading | undefined;
  let held: HeldLease | undefined;
  let standby: Awaited<ReturnType<typeof startReplica>> | undefined;
  let closing = false;
  let contendTimer: NodeJS.Timeout | undefined;
  const listeners = new Set<(leading: boolean) => void>();
  const announce = (leadingNow: boolean) => {
    for (const listener of listeners) {
      try {
        listener(leadingNow);
      } catch (error) {
        log.error({ err: error, leading: leadingNow }, "a leadership listener failed");
      }
    }
  };

  const startLeading = async (epoch: number | undefined) => {
    // Renewing starts now, not after the rebuild: loading many orders can outlast a lease.
    if (epoch !== undefined) holdLease(epoch);
    const sequencer = await Exchange.start({
      db,
      log,
      maxBatchSize: config.maxBatchSize,
      maxQueueLength: config.maxQueueLength,
      ...(epoch === undefined ? {} : { epoch }),
      onFenced: () => void stepDown("a batch was refused: a newer leader holds the lease"),
      ...(options.observer ? { observer: options.observer } : {}),
    });
    const lost = held?.lost();
    if (lost) {
      await sequencer.stop();
      throw new Error(`lost the lease while rebuilding: ${lost}`);
    }
    const serving = serveAsLeader({ exchange: sequencer, streams, redis, prefix, log, epoch });
    leading = { exchange: sequencer, epoch, serving };
    exchange.use(sequencer);
    log.info({ epoch, holder: lease.holder }, "leading the exchange");
    announce(true);
    const replaced = standby;
    standby = undefined;
    // Forwarded commands still owed an answer get it from this process, now the leader.
    await replaced?.close();
  };

  const holdLease = (epoch: number) => {
    held?.stop();
    held = renewLease({
      lease,
      epoch,
      everyMs: pollMs,
      leaseMs: config.leaseMs,
      log,
      onLost: (reason) => void stepDown(reason),
    });
  };

  const letLeaseGo = () => {
    held?.stop();
    held = undefined;
  };

  /** Forwards commands to whichever process leads (over Redis). */
  const startForwarding = (bus: Redis) =>
    startReplica({
      db,
      streams,
      redis: bus,
      prefix,
      log,
      forwardTimeoutMs: config.forwardTimeoutMs,
    });

  const stepDown = async (reason: string) => {
    const current = leading;
    if (!current) return;
    leading = undefined;
    letLeaseGo();
    // From now on callers are refused at once (nothing done), and forwarded commands go
    // unaccepted, so replicas keep re-sending them until the next leader takes them.
    exchange.use(undefined);
    current.serving.stopTakingCommands();
    // Once, at error level: a leader stepping down is what an operator must see.
    log.error({ reason, epoch: current.epoch }, "stepping down: no longer the leader");
    announce(false);
    // Whatever is queued is refused by the fence (or, if nobody took over, still commits).
    // With the database cut off this waits for its statements to time out.
    await current.exchange.stop();
    await current.serving.stop();
    if (!closing) await standBy();
  };

  const standBy = async (retryInMs = pollMs) => {
    if (redis && !standby) {
      try {
        standby = await startForwarding(redis);
      } catch (error) {
        log.error({ err: error }, "could not start forwarding to the leader; retrying");
      }
    }
    exchange.use(standby?.exchange);
    scheduleContention(retryInMs);
  };

  const scheduleContention = (retryInMs = pollMs) => {
    if (closing) return;
    clearTimeout(contendTimer);
    contendTimer = setTimeout(() => void contend(), retryInMs);
  };

  /**
   * One attempt at the lease: true when this process now leads, otherwise when to try next.
   * That is the moment the holder's lease lapses (plus a little, for the clocks' tick), or a
   * poll interval if sooner, so a lease released by a clean shutdown is noticed too.
   */
  const tryToLead = async (): Promise<true | number> => {
    let epoch: number | undefined;
    try {
      const attempt = await lease.tryAcquire();
      if (attempt.epoch === undefined)
        return Math.min(pollMs, attempt.lapsesInMs + LAPSE_MARGIN_MS);
      epoch = attempt.epoch;
    } catch (error) {
      log.warn({ err: error }, "could not contend for the leadership");
      return pollMs;
    }
    try {
      await startLeading(epoch);
      return true;
    } catch (error) {
      log.error({ err: error, epoch }, "could not start leading; letting the lease go");
      letLeaseGo();
      await lease.release(epoch).catch((releaseError: unknown) => {
        log.warn({ err: releaseError }, "could not release the lease; it lapses by itself");
      });
      return pollMs;
    }
  };

  const contend = async () => {
    if (closing || leading) return;
    const outcome = await tryToLead();
    if (outcome === true) return;
    if (!standby && redis) await standBy(outcome);
    else scheduleContention(outcome);
  };

  if (config.exchangeRole === "replica") {
    await standByOnly();
  } else if (embedded) {
    await startLeading(undefined);
  } else {
    let outcome = await tryToLead();
    if (outcome !== true && redis) {
      await standBy(outcome);
    } else if (outcome !== true) {
      // No Redis to forward over: a standby has nothing to serve, so it waits to lead.
      log.info({ holder: lease.holder }, "another process leads; waiting for the lease");
      while (outcome !== true) {
        const retryInMs = outcome;
        await new Promise((resolve) => setTimeout(resolve, retryInMs));
        outcome = await tryToLead();
      }
    }
  }

  async function standByOnly() {
    if (!redis) throw new Error("a replica needs Redis (checked by the config)");
    standby = await startForwarding(redis);
    exchange.use(standby.exchange);
  }

  return {
    exchange,
    leader: () => leading?.exchange,
    async checkReady() {
      const current = leading;
      if (current) {
        const health = current.exchange.health();
        if (!health.ok) throw new Error(`sequencer not ready: ${health.reason}`);
        if (held && performance.now() - held.renewedAt() > config.leaseMs) {
          throw new Error("leadership lease not renewed in time");
        }
        return;
      }
      if (!standby) throw new Error("no leader to forward commands to");
      await standby.exchange.pingLeader(LEADER_PING_MS);
    },
    async close() {
      closing = true;
      clearTimeout(contendTimer);
      held?.stop();
      const current = leading;
      if (current) {
        announce(false);
        await current.exchange.stop();
        await current.serving.stop();
        leading = undefined;
        // A standby takes over at once instead of waiting for the lease to lapse.
        if (current.epoch !== undefined) {
          await lease.release(current.epoch).catch((error: unknown) => {
            log.warn({ err: error }, "could not release the lease; it lapses by itself");
          });
        }
      }
      await standby?.close();
    },
    onLeadershipChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
