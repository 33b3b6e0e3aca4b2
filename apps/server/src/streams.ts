import { StreamHub } from "@cryptotrade/api/server";
import {
  channels,
  type EventBus,
  InProcessBus,
  RedisBus,
  type StreamMessage,
} from "@cryptotrade/exchange";
import type { Redis } from "ioredis";
import type { Logger } from "pino";

/** This process's live events: the bus they travel on and the hub that fans them out. */
export interface Streams {
  /** Where the leader publishes committed batches (and replicas hear them). */
  bus: EventBus<StreamMessage>;
  /** Fans the bus out to this process's WebSocket subscribers. */
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
