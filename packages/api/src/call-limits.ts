import { AuthError } from "@cryptotrade/auth";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * How much of a caller's budget each call spends. Most calls cost 1; the ones that make the
 * server read or encode a lot cost what they weigh, so a flood of them runs dry long before it
 * starves everyone else (measured: 1,000 CSV exports held the server 25 s, 4,000 deep books 4 s).
 * Order commands cost nothing here: the sequencer's queue bounds them.
 */
const CALL_COSTS: Record<string, (input: unknown) => number> = {
  "wallet.exportCsv": () => 250,
  "portfolio.history": () => 10,
  "market.orderBook": (input) => 1 + Math.floor(numberField(input, "depth", 20) / 25),
  "market.candles": () => 3,
  "orders.list": () => 2,
  "orders.fills": () => 2,
  "wallet.transactions": () => 2,
  // A subscription starts with a snapshot, the whole book for onBook.
  "market.onBook": () => 10,
  "orders.place": () => 0,
  "orders.amend": () => 0,
  "orders.cancel": () => 0,
  "orders.cancelAll": () => 0,
};

/** Points one user (or, signed out, one address) may spend per window. */
export const CALL_BUDGET = { points: 5_000, windowSeconds: 10 };
/** Calls one WebSocket may make per second, whoever is behind it. */
export const SOCKET_CALLS_PER_SECOND = 100;
/** Subscriptions one WebSocket may hold open at once. */
export const SOCKET_MAX_SUBSCRIPTIONS = 50;

export function costOf(path: string, input: unknown): number {
  return CALL_COSTS[path]?.(input) ?? 1;
}

function numberField(input: unknown, field: string, fallback: number): number {
  if (typeof input !== "object" || input === null) return fallback;
  const value = (input as Record<string, unknown>)[field];
  return typeof value === "number" && Number.isFinite(value) ? Math.max(0, value) : fallback;
}

/** Which of this process's limits refused a call (a metric label: `rate_limited_total`). */
export type CallLimit = "call_budget" | "socket_rate" | "socket_subscriptions";

/** A refusal by one of these limits: RATE_LIMITED to the caller, named for the operator. */
export class CallLimitRefusal extends AuthError {
  constructor(
    readonly limit: CallLimit,
    message: string,
    retryAfterSeconds: number,
  ) {
    super("RATE_LIMITED", message, { retryAfterSeconds });
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
 * The per-process limits on calls: a weighted budget per user or address, and per socket a
 * call rate and a cap on open subscriptions. Kept in memory, not Redis: they guard this
 * process's CPU, and a Redis round trip per call would cost every call the latency they save.
 */
export class CallLimits {
  private readonly budget = new RateLimiterMemory({
    points: CALL_BUDGET.points,
    duration: CALL_BUDGET.windowSeconds,
  });
  private readonly socketRate = new RateLimiterMemory({
    points: SOCKET_CALLS_PER_SECOND,
    duration: 1,
  });
  private readonly socketIds = new WeakMap<object, string>();
  private readonly openSubscriptions = new WeakMap<object, number>();
  private nextSocketId = 0;

  /** Spends the call's cost from the caller's budget; throws RATE_LIMITED when it is spent. */
  async charge(caller: string, path: string, input: unknown): Promise<void> {
    const cost = costOf(path, input);
    if (cost === 0) return;
    await this.budget
      .consume(caller, cost)
      .catch((error: unknown) => refusal(error, "Too many requests", "call_budget"));
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
