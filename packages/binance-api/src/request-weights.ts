import { createLimiter, type LimiterStore } from "@cryptotrade/auth";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";

/** Binance's REQUEST_WEIGHT limit per client address, as exchangeInfo's `rateLimits` says. */
export const REQUEST_WEIGHT_PER_MINUTE = 6000;

export interface WeightSpent {
  /** The weight the address has used in the current minute, this request's included. */
  weight: number;
  /** Set when the request is over the limit: seconds until the minute ends. */
  retryAfterSeconds?: number;
}

/**
 * Binance's request weights: each route costs a weight (Binance's own figures), counted per
 * client address per minute, in Redis when the store has one (every replica counts the same
 * minute) and in memory otherwise. The count goes back in `X-MBX-USED-WEIGHT-1M`.
 */
export class RequestWeights {
  readonly limit = REQUEST_WEIGHT_PER_MINUTE;
  private readonly limiter: RateLimiterAbstract;

  constructor(store: LimiterStore = { keyPrefix: "cryptotrade" }) {
    this.limiter = createLimiter(store, "binance-weight", REQUEST_WEIGHT_PER_MINUTE, 60);
  }

  async spend(address: string, weight: number): Promise<WeightSpent> {
    try {
      const spent = await this.limiter.consume(address, weight);
      return { weight: spent.consumedPoints };
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      return {
        weight: error.consumedPoints,
        retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)),
      };
    }
  }
}
