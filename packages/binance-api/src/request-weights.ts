import { createLimiter, type LimiterStore } from "@cryptotrade/auth";
import { type RateLimiterAbstract, RateLimiterRes } from "rate-limiter-flexible";

/** Binance's REQUEST_WEIGHT limit per client address, as exchangeInfo's `rateLimits` says. */
export const REQUEST_WEIGHT_PER_MINUTE = 6000;
/** 429s an address may ignore in a minute before it is banned (418), and for how long. */
const IGNORED_REFUSALS_PER_MINUTE = 10;
const BAN_SECONDS = 120;

export interface WeightSpent {
  /** The weight the address has used in the current minute; absent while it is banned. */
  weight?: number;
  /** Set when the request is refused: 429 past the limit, 418 while banned. */
  refusal?: { status: 429 | 418; retryAfterSeconds: number; until: number };
}

const refusalOf = (status: 429 | 418, msBeforeNext: number) => ({
  status,
  retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)),
  until: Date.now() + msBeforeNext,
});

/** The limiter's refusal, or null when it let the points through. */
async function consumed(limiter: RateLimiterAbstract, key: string, points: number) {
  try {
    return { ok: await limiter.consume(key, points) };
  } catch (error) {
    if (error instanceof RateLimiterRes) return { refused: error };
    throw error;
  }
}

/**
 * Binance's request weights: each route costs a weight (Binance's own figures), counted per
 * client address per minute, in Redis when the store has one (every replica counts the same
 * minute) and in memory otherwise. The count goes back in `X-MBX-USED-WEIGHT-1M`; past the
 * limit the answer is 429, and an address that keeps sending through its 429s is banned: 418
 * for two minutes, whatever it asks.
 */
export class RequestWeights {
  readonly limit = REQUEST_WEIGHT_PER_MINUTE;
  private readonly weights: RateLimiterAbstract;
  private readonly bans: RateLimiterAbstract;

  constructor(store: LimiterStore = { keyPrefix: "cryptotrade" }) {
    this.weights = createLimiter(store, "binance-weight", REQUEST_WEIGHT_PER_MINUTE, 60);
    this.bans = createLimiter(store, "binance-ban", IGNORED_REFUSALS_PER_MINUTE, 60, BAN_SECONDS);
  }

  async spend(address: string, weight: number): Promise<WeightSpent> {
    const ban = await this.bans.get(address);
    if (ban && ban.consumedPoints > IGNORED_REFUSALS_PER_MINUTE) {
      return { refusal: refusalOf(418, ban.msBeforeNext) };
    }
    const spent = await consumed(this.weights, address, weight);
    if (spent.ok) return { weight: spent.ok.consumedPoints };
    const banned = await consumed(this.bans, address, 1);
    return {
      weight: spent.refused.consumedPoints,
      refusal: banned.refused
        ? refusalOf(418, banned.refused.msBeforeNext)
        : refusalOf(429, spent.refused.msBeforeNext),
    };
  }
}
