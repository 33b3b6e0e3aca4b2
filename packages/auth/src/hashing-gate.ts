import { availableParallelism } from "node:os";
import { AuthError } from "./errors";

/**
 * Bounds how many password hashes run at once and how many may wait, refusing the rest at
 * once. argon2 is built to be expensive (19 MiB and tens of milliseconds each); a hundred
 * logins at once filled every core and stalled trading and market data for everyone.
 */
export class HashingGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    readonly maxConcurrent: number,
    readonly maxWaiting: number,
  ) {}

  /** Whether a hash could not even queue now: every slot busy and the queue full. */
  isFull(): boolean {
    return this.running >= this.maxConcurrent && this.waiting.length >= this.maxWaiting;
  }

  /**
   * Throws RATE_LIMITED (retry in a second) when a hash could not even queue now. A login
   * checks it first, so a flood is refused before it costs a database lookup.
   */
  refuseWhenFull(): void {
    if (this.isFull()) throw busyHashing();
  }

  /** Runs `work` when a slot is free; throws RATE_LIMITED (retry in a second) when the queue is full. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.maxConcurrent) {
      this.refuseWhenFull();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, so `running` never overshoots.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

/**
 * The process's one gate, in front of its hashing threads (one per slot, at the lowest CPU
 * priority; see `password-workers.ts`): half the cores (at least one) hash, the rest stay free
 * for trading. The queue bounds memory and waiting; the low priority keeps even the running
 * hashes from taking a core the main thread wants.
 */
export const passwordHashing = new HashingGate(
  Math.max(1, Math.floor(availableParallelism() / 2)),
  32,
);

/**
 * Password checks one address may have in flight at once. A burst from a few addresses would
 * otherwise fill the whole hashing queue; past this, an address is told to retry in a second.
 */
export const PASSWORD_CHECKS_PER_ADDRESS = 4;

/** Counts work in flight per key (an address) and refuses past a bound. */
export class InFlightPerKey {
  private readonly counts = new Map<string, number>();

  constructor(readonly maxPerKey: number) {}

  /** Whether `key` already has as much in flight as it may. */
  isFull(key: string): boolean {
    return (this.counts.get(key) ?? 0) >= this.maxPerKey;
  }

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (this.isFull(key)) throw busyAddress();
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    try {
      return await work();
    } finally {
      const left = (this.counts.get(key) ?? 1) - 1;
      if (left === 0) this.counts.delete(key);
      else this.counts.set(key, left);
    }
  }
}

/** The hashing queue is full: every caller is told to come back in a second. */
export function busyHashing(): AuthError {
  return new AuthError("RATE_LIMITED", "The server is busy signing people in; try again", {
    retryAfterSeconds: 1,
  });
}

/** This address has its password checks in flight already. */
export function busyAddress(): AuthError {
  return new AuthError("RATE_LIMITED", "Too many sign-ins at once from your address; try again", {
    retryAfterSeconds: 1,
  });
}
