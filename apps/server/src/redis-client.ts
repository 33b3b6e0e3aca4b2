import { Redis } from "ioredis";

/**
 * The server's Redis connection (rate limits, sessions cache, the stream and revocation buses).
 * Every process builds it here, so production and the test server meet Redis the same way.
 *
 * @example
 * const redis = createRedisClient("redis://127.0.0.1:6379");
 */
export function createRedisClient(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1 });
}
