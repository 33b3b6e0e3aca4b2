import { Redis } from "ioredis";

/**
 * How long any one Redis command may take before it fails. Redis answers in well under a
 * millisecond; past this it is away (or the path to it is), and a login or a publish should
 * fail over (rate limits to their in-memory insurance, see @cryptotrade/auth) instead of
 * waiting on reconnects. Long enough that an event loop busy for a moment does not trip it.
 */
const COMMAND_TIMEOUT_MS = 1_000;
/** How long one connection attempt may take: a Redis that does not answer is retried sooner. */
const CONNECT_TIMEOUT_MS = 2_000;
/** Reconnect delays grow by this much per attempt, up to a second, so a returning Redis is found fast. */
const RECONNECT_STEP_MS = 100;

/**
 * The server's Redis connection (rate limits, sessions cache, the stream and revocation buses).
 * Every process builds it here, so production and the test server meet Redis the same way.
 * Commands fail within `COMMAND_TIMEOUT_MS` while Redis is away, queued ones included (a
 * command sent before the first connect waits for it, up to that limit); the buses'
 * subscribing connections are duplicated from it and inherit the same options.
 *
 * @example
 * const redis = createRedisClient("redis://127.0.0.1:6379");
 */
export function createRedisClient(url: string): Redis {
  return new Redis(url, {
    // One retry across a reconnect, then the caller hears of the outage.
    maxRetriesPerRequest: 1,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: CONNECT_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * RECONNECT_STEP_MS, 1_000),
  });
}
