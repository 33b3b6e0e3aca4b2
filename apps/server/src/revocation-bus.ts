import { type EventBus, InProcessBus, RedisBus } from "@cryptotrade/exchange";
import type { Redis } from "ioredis";

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
