import { AuthError } from "@cryptotrade/auth";
import { TRPCError } from "@trpc/server";
import type { Redis } from "ioredis";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { costOf, isBoundedInFlight } from "./call-costs";
import { WorkAbandoned, WorkInFlight, WorkQueueFull } from "./work-in-flight";

/** Points one user (or, signed out, one address) may spend per window, on every replica. */
export const CALL_BUDGET = { points: 5_000, windowSeconds: 10 };
/**
 * Points of work one user (or address) may have running at once; more waits its turn, and
 * past `WAITING` calls is refused. 20 points: six tickers, two `auth.me`, one export alone.
 */
export const CALLER_WORK_IN_FLIGHT = { points: 20, waiting: 100 };
/** Calls one WebSocket may make per second, whoever is behind it. */
export const SOCKET_CALLS_PER_SECOND = 100;
/** Subscriptions one WebSocket may hold open at once. */
export const SOCKET_MAX_SUBSCRIPTIONS = 50;

export interface CallLimitsOptions {
  /** Budgets live in Redis when given (shared by every replica and reconnect), in memory otherwise. */
  redis?: Redis | undefined;
  /** Starts every Redis key, so deployments and test runs sharing a Redis never mix. */
  keyPrefix?: string;
}

/** Which of this process's limits refused a call (a metric label: `rate_limited_total`). */
export type CallLimit = "call_budget" | "work_in_flight" | "socket_rate" | "socket_subscriptions";

/** A refusal by one of these limits: RATE_LIMITED to the caller, named for the operator. */
export class CallLimitRefusal extends AuthError {
  constructor(
    readonly limit: CallLimit,
    message: string,
    retryAfterSeconds: number,
  ) {
    super("RATE_LIMITED", message, { retryAfterSeconds });
    // Expected, not a bug: nobody reads where it was thrown, and tRPC copies every thrown
    // error's stack, which under --enable-source-maps formats each frame through the source
    // map. Per refused call of a flood that was most of the refusal's cost (abuse bench).
    this.stack = `${this.name}: ${message}`;
  }
}

/**
 * Which limit refused a call, from its error's cause: one of this process's, `auth` for the
 * login and sign-up throttles, or undefined when no limit did.
 */
export function limitOf(cause: unknown): CallLimit | "auth" | undefined {
  if (cause instanceof CallLimitRefusal) return cause.limit;
  if (cause instanceof AuthError && cause.code === "RATE_LIMITED") return "auth";
  return undefined;
}

function refusal(error: unknown, what: string, limit: CallLimit): never {
  if (!(error instanceof RateLimiterRes)) throw error;
  const retryAfterSeconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
  throw new CallLimitRefusal(
    limit,
    `${what}; try again in ${retryAfterSeconds} s`,
    retryAfterSeconds,
  );
}

/**
 * The limits on calls. Per caller (a user, or signed out an address), kept across reconnects:
 * a weighted budget per window (in Redis when configured, so every replica and reconnect
 * spends the same one) and a bound on the work it has running at once. Per socket, in this
 * process's memory: a call rate and a cap on open subscriptions.
 */
export class CallLimits {
  private readonly budget: RateLimiterAbstract;
  private readonly work = new WorkInFlight(
    CALLER_WORK_IN_FLIGHT.points,
    CALLER_WORK_IN_FLIGHT.waiting,
  );
  private readonly socketRate = new RateLimiterMemory({
    points: SOCKET_CALLS_PER_SECOND,
    duration: 1,
  });
  private readonly socketIds = new WeakMap<object, string>();
  private readonly openSubscriptions = new WeakMap<object, number>();
  private nextSocketId = 0;

  constructor(options: CallLimitsOptions = {}) {
    const settings = {
      keyPrefix: `${options.keyPrefix ?? "cryptotrade"}:call-budget`,
      points: CALL_BUDGET.points,
      duration: CALL_BUDGET.windowSeconds,
    };
    this.budget = options.redis
      ? new RateLimiterRedis({
          ...settings,
          storeClient: options.redis,
          // A caller who spent the budget is refused from memory until the window ends: a
          // flood past it costs no Redis round trip per call.
          inMemoryBlockOnConsumed: CALL_BUDGET.points,
          // A Redis outage degrades to per-process budgets instead of refusing every call.
          insuranceLimiter: new RateLimiterMemory(settings),
          rejectIfRedisNotReady: true,
        })
      : new RateLimiterMemory(settings);
  }

  /**
   * Admits one call of `caller`'s: spends its cost from the budget, then waits until the
   * caller's work in flight leaves room for it. Resolves with the function that ends the call;
   * throws RATE_LIMITED when the budget is spent or too many of the caller's calls wait, and
   * CLIENT_CLOSED_REQUEST when `abandoned()` (its socket closed) by the time its turn comes:
   * a flooder cut off leaves no queue of work running for nobody.
   */
  async admit(
    caller: string,
    path: string,
    input: unknown,
    abandoned?: () => boolean,
  ): Promise<() => void> {
    await this.charge(caller, path, input);
    if (!isBoundedInFlight(path)) return () => {};
    return this.work.begin(caller, costOf(path, input), abandoned).catch((error: unknown) => {
      if (error instanceof WorkAbandoned) {
        throw new TRPCError({ code: "CLIENT_CLOSED_REQUEST", message: "The connection closed" });
      }
      if (!(error instanceof WorkQueueFull)) throw error;
      throw new CallLimitRefusal(
        "work_in_flight",
        "Too many of your calls are waiting; wait for their answers and try again in 1 s",
        1,
      );
    });
  }

  /** Spends the call's cost from the caller's budget; throws RATE_LIMITED when it is spent. */
  async charge(caller: string, path: string, input: unknown): Promise<void> {
    const cost = costOf(path, input);
    if (cost === 0) return;
    await this.budget
      .consume(caller, cost)
      .catch((error: unknown) => refusal(error, "Too many requests", "call_budget"));
  }

  /** Points of work `caller` has running in this process now. */
  workInFlight(caller: string): number {
    return this.work.running(caller);
  }

  /** Calls of `caller`'s waiting for room in its work in flight now. */
  callsWaiting(caller: string): number {
    return this.work.waiting(caller);
  }

  /** Counts a call on a socket against its per-second rate. */
  async chargeSocket(socket: object): Promise<void> {
    await this.socketRate
      .consume(this.idOf(socket))
      .catch((error: unknown) =>
        refusal(error, "Too many calls on this connection", "socket_rate"),
      );
  }

  /**
   * Takes one of the socket's subscription slots; the returned function gives it back.
   * Throws RATE_LIMITED when every slot is taken.
   */
  openSubscription(socket: object): () => void {
    const open = this.openSubscriptions.get(socket) ?? 0;
    if (open >= SOCKET_MAX_SUBSCRIPTIONS) {
      throw new CallLimitRefusal(
        "socket_subscriptions",
        `At most ${SOCKET_MAX_SUBSCRIPTIONS} subscriptions per connection; stop one first`,
        1,
      );
    }
    this.openSubscriptions.set(socket, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.openSubscriptions.set(socket, (this.openSubscriptions.get(socket) ?? 1) - 1);
    };
  }

  private idOf(socket: object): string {
    let id = this.socketIds.get(socket);
    if (!id) {
      this.nextSocketId += 1;
      id = String(this.nextSocketId);
      this.socketIds.set(socket, id);
    }
    return id;
  }
}

/** Gives back a subscription slot when the subscription ends, however it ends. */
export async function* releasing<T>(source: AsyncIterable<T>, release: () => void) {
  try {
    yield* source;
  } finally {
    release();
  }
}
