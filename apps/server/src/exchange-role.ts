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
import { type Streams, serveAsLeader, startReplica } from "./streams";

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
  stopServing: () => Promise<void>;
}

/** The lease this process holds, renewed from the moment it is taken. */
interface Held {
  epoch: number;
  /** When the last successful renewal was sent (performance.now()). */
  renewedAt: number;
  /** Set when the lease was found taken, or not renewed for a whole lease. */
  lost?: string;
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
  let held: Held | undefined;
  let standby: Awaited<ReturnType<typeof startReplica>> | undefined;
  let closing = false;
  let renewTimer: NodeJS.Timeout | undefined;
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
      ...(epoch === undefined ? {} : { epoch }),
      onFenced: () => void stepDown("a batch was refused: a newer leader holds the lease"),
      ...(options.observer ? { observer: options.observer } : {}),
    });
    if (held?.lost) {
      await sequencer.stop();
      throw new Error(`lost the lease while rebuilding: ${held.lost}`);
    }
    const stopServing = serveAsLeader({ exchange: sequencer, streams, redis, prefix, log });
    leading = { exchange: sequencer, epoch, stopServing };
    exchange.use(sequencer);
    log.info({ epoch, holder: lease.holder }, "leading the exchange");
    announce(true);
    const replaced = standby;
    standby = undefined;
    // Forwarded commands still owed an answer get it from this process, now the leader.
    await replaced?.close();
  };

  const holdLease = (epoch: number) => {
    const current: Held = { epoch, renewedAt: performance.now() };
    held = current;
    let renewing = false;
    const lose = (reason: string) => {
      current.lost = reason;
      clearInterval(renewTimer);
      void stepDown(reason);
    };
    clearInterval(renewTimer);
    renewTimer = setInterval(async () => {
      if (renewing || current.lost) return;
      renewing = true;
      const sentAt = performance.now();
      try {
        if (await lease.renew(epoch)) current.renewedAt = sentAt;
        else lose("another candidate took the lease");
      } catch (error) {
        log.warn({ err: error }, "could not renew the leadership lease");
        if (performance.now() - current.renewedAt > config.leaseMs) {
          lose("the lease lapsed before it could be renewed");
        }
      } finally {
        renewing = false;
      }
    }, pollMs);
  };

  const stepDown = async (reason: string) => {
    const current = leading;
    if (!current) return;
    leading = undefined;
    clearInterval(renewTimer);
    held = undefined;
    exchange.use(undefined);
    log.warn({ reason, epoch: current.epoch }, "stepping down: no longer the leader");
    announce(false);
    // Whatever is queued is refused by the fence (or, if nobody took over, still commits).
    await current.exchange.stop();
    await current.stopServing();
    if (!closing) await standBy();
  };

  const standBy = async (retryInMs = pollMs) => {
    if (redis && !standby) {
      try {
        standby = await startReplica({
          db,
          streams,
          redis,
          prefix,
          log,
          forwardTimeoutMs: config.forwardTimeoutMs,
        });
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
      clearInterval(renewTimer);
      held = undefined;
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
    standby = await startReplica({
      db,
      streams,
      redis,
      prefix,
      log,
      forwardTimeoutMs: config.forwardTimeoutMs,
    });
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
        if (held && performance.now() - held.renewedAt > config.leaseMs) {
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
      clearInterval(renewTimer);
      const current = leading;
      if (current) {
        announce(false);
        await current.exchange.stop();
        await current.stopServing();
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
