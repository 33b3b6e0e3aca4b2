import { StreamHub } from "@cryptotrade/api/server";
import {
  channels,
  type EventBus,
  type Exchange,
  ExchangeReplica,
  InProcessBus,
  publishExchangeEvents,
  RedisBus,
  type RpcMessage,
  type StreamMessage,
  serveCommands,
} from "@cryptotrade/exchange";
import type { Redis } from "ioredis";
import type { Logger } from "pino";

export interface Streams {
  bus: EventBus<StreamMessage>;
  hub: StreamHub;
  close(): Promise<void>;
}

/**
 * This process's live events: a bus (Redis pub/sub when there is a Redis, so every replica's
 * subscribers hear the leader; in process otherwise) and the hub that fans it out to
 * WebSocket subscribers. A Redis outage reaches every subscriber as a reset (resync).
 */
export function createStreams(options: {
  redis: Redis | undefined;
  prefix: string;
  log?: Logger;
}): Streams {
  let bus: EventBus<StreamMessage>;
  if (options.redis) {
    const redisBus = new RedisBus<StreamMessage>(options.redis, `${options.prefix}:events`, {
      ...(options.log ? { log: options.log } : {}),
      // Messages published while the connection is down are gone: every subscriber is told
      // to start again from a snapshot, when it drops and again when it is back.
      onConnection: () =>
        redisBus.deliverLocally(channels.system, {
          kind: "reset",
          id: `${Date.now().toString(36)}.0`,
        }),
    });
    bus = redisBus;
  } else {
    bus = new InProcessBus<StreamMessage>();
  }
  const hub = new StreamHub(bus);
  return {
    bus,
    hub,
    async close() {
      await hub.close();
      await bus.close();
    },
  };
}

/**
 * Where the auth service tells every process that a session or key stopped working: Redis
 * pub/sub when there is a Redis (so every replica ends its sockets), in process otherwise.
 */
export function createRevocationBus(options: {
  redis: Redis | undefined;
  prefix: string;
}): EventBus<unknown> {
  return options.redis
    ? new RedisBus<unknown>(options.redis, `${options.prefix}:auth`)
    : new InProcessBus<unknown>();
}

/** What a leader serves; stopped in two steps when it steps down. */
export interface LeaderServing {
  /** Stops taking forwarded commands (at once, when stepping down: replicas re-send them). */
  stopTakingCommands(): void;
  /** Stops publishing too; call once the sequencer has drained. */
  stop(): Promise<void>;
}

/**
 * The leader publishes every committed batch and, with Redis, runs commands replicas forward.
 * It starts with a reset notice: after a takeover, every replica's books and every subscriber
 * start again from what this leader rebuilt; with an `epoch`, replicas hear that it leads now.
 */
export function serveAsLeader(options: {
  exchange: Exchange;
  streams: Streams;
  redis: Redis | undefined;
  prefix: string;
  log: Logger;
  /** The leadership epoch (PostgreSQL); undefined when embedded. */
  epoch?: number | undefined;
}): LeaderServing {
  const stopPublishing = publishExchangeEvents(options.exchange, options.streams.bus);
  options.streams.bus.publish(channels.system, {
    kind: "reset",
    id: `${Date.now().toString(36)}.0`,
  });
  const rpc = options.redis
    ? new RedisBus<RpcMessage>(options.redis, `${options.prefix}:rpc`)
    : undefined;
  let stopServing = rpc
    ? serveCommands(options.exchange, rpc, { log: options.log, epoch: options.epoch })
    : undefined;
  const stopTakingCommands = () => {
    stopServing?.();
    stopServing = undefined;
  };
  return {
    stopTakingCommands,
    async stop() {
      stopTakingCommands();
      stopPublishing();
      await rpc?.close();
    },
  };
}

/** A replica follows the leader's books over the bus and forwards commands to it. */
export async function startReplica(options: {
  db: Parameters<typeof ExchangeReplica.start>[0]["db"];
  streams: Streams;
  redis: Redis;
  prefix: string;
  log: Logger;
  /** How long a forwarded command waits for the leader before its outcome is unknown. */
  forwardTimeoutMs?: number;
}): Promise<{ exchange: ExchangeReplica; close(): Promise<void> }> {
  const rpc = new RedisBus<RpcMessage>(options.redis, `${options.prefix}:rpc`);
  const exchange = await ExchangeReplica.start({
    db: options.db,
    streams: options.streams.bus,
    rpc,
    log: options.log,
    ...(options.forwardTimeoutMs ? { forwardTimeoutMs: options.forwardTimeoutMs } : {}),
  });
  return {
    exchange,
    async close() {
      await exchange.stop();
      await rpc.close();
    },
  };
}
