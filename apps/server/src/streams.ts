import { StreamHub } from "@cryptotrade/api";
import {
  type EventBus,
  type Exchange,
  InProcessBus,
  publishExchangeEvents,
  RedisBus,
} from "@cryptotrade/exchange";
import type { Redis } from "ioredis";

export interface Streams {
  bus: EventBus;
  hub: StreamHub;
  close(): Promise<void>;
}

/**
 * Wires live events: the exchange publishes each committed batch to the bus (Redis pub/sub
 * when there is a Redis, so every replica's subscribers hear it; in process otherwise), and
 * this process's hub fans the bus out to its WebSocket subscribers.
 */
export function createStreams(options: {
  exchange: Exchange;
  redis: Redis | undefined;
  prefix: string;
}): Streams {
  const bus = options.redis
    ? new RedisBus(options.redis, `${options.prefix}:events`)
    : new InProcessBus();
  const stopPublishing = publishExchangeEvents(options.exchange, bus);
  const hub = new StreamHub(bus);
  return {
    bus,
    hub,
    async close() {
      stopPublishing();
      await hub.close();
      await bus.close();
    },
  };
}
