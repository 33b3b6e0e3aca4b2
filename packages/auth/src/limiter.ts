import type { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
} from "rate-limiter-flexible";

export interface LimiterStore {
  /** Counters live in Redis when given (shared by every replica), in process memory otherwise. */
  redis?: Redis | undefined;
  /** Starts every Redis key, so deployments and test runs sharing a Redis never mix. */
  keyPrefix: string;
}

/**
 * One counter of `points` per `duration` seconds per key, on Redis (atomic Lua counters, with
 * an in-memory fallback while Redis is unreachable) or in memory: how every throttle of the
 * exchange that spans replicas is built.
 *
 * @example
 * const pages = createLimiter({ redis, keyPrefix: "cryptotrade" }, "pages-ip", 300, 60);
 * await pages.consume(address); // rejects with a RateLimiterRes once the 301st comes
 */
export function createLimiter(
  store: LimiterStore,
  name: string,
  points: number,
  duration: number,
  blockDuration = 0,
): RateLimiterAbstract {
  const settings = { keyPrefix: `${store.keyPrefix}:${name}`, points, duration, blockDuration };
  if (!store.redis) return new RateLimiterMemory(settings);
  return new RateLimiterRedis({
    ...settings,
    storeClient: store.redis,
    // A Redis outage degrades to per-process limits instead of refusing every caller. What
    // is counted meanwhile stays in this process: once Redis is back its counters (from
    // before the outage) apply again, and the outage's counts are forgotten.
    insuranceLimiter: new RateLimiterMemory(settings),
    // While the connection is down, go to the insurance at once instead of queueing the
    // command behind reconnects (logins took seconds that way).
    rejectIfRedisNotReady: true,
  });
}
