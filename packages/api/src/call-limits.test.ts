import { AuthError } from "@cryptotrade/auth";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { costOf } from "./call-costs";
import {
  CALL_BUDGET,
  CALLER_WORK_IN_FLIGHT,
  CallLimitRefusal,
  CallLimits,
  SOCKET_CALLS_PER_SECOND,
  SOCKET_MAX_SUBSCRIPTIONS,
} from "./call-limits";

/** "OK", or the refusal's code and retry delay. */
async function outcome(call: Promise<void>): Promise<string> {
  try {
    await call;
    return "OK";
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    return error.code;
  }
}

describe("CallLimits", () => {
  it("lets a socket make its per-second allowance of calls and refuses the rest, socket by socket", async () => {
    const limits = new CallLimits();
    const flooder = {};
    const results = await Promise.all(
      Array.from({ length: SOCKET_CALLS_PER_SECOND + 50 }, () =>
        outcome(limits.chargeSocket(flooder)),
      ),
    );
    expect(results.filter((result) => result === "OK")).toHaveLength(SOCKET_CALLS_PER_SECOND);
    expect(results.filter((result) => result === "RATE_LIMITED")).toHaveLength(50);
    expect(await outcome(limits.chargeSocket({}))).toBe("OK");
  });

  it("charges heavy calls what they weigh against one caller's budget, and order commands nothing", async () => {
    const limits = new CallLimits();
    const exports = CALL_BUDGET.points / costOf("wallet.exportCsv", undefined);
    const results: string[] = [];
    for (let i = 0; i < exports + 3; i++) {
      results.push(await outcome(limits.charge("user:1", "wallet.exportCsv", undefined)));
    }
    expect(costOf("market.tickers", undefined)).toBeGreaterThan(costOf("market.ticker", {}));
    expect(costOf("auth.me", undefined)).toBeGreaterThan(costOf("market.list", undefined));
    expect(results.filter((result) => result === "OK")).toHaveLength(exports);
    expect(results.slice(exports)).toEqual(["RATE_LIMITED", "RATE_LIMITED", "RATE_LIMITED"]);
    expect(await outcome(limits.charge("user:1", "orders.place", {}))).toBe("OK");
    expect(await outcome(limits.charge("user:2", "wallet.exportCsv", undefined))).toBe("OK");
    expect(costOf("market.orderBook", { depth: 500 })).toBeGreaterThan(
      costOf("market.orderBook", { depth: 10 }),
    );
  });

  it("holds at most the subscription cap open per socket, and a slot given back can be taken again", () => {
    const limits = new CallLimits();
    const socket = {};
    const releases = Array.from({ length: SOCKET_MAX_SUBSCRIPTIONS }, () =>
      limits.openSubscription(socket),
    );
    expect(() => limits.openSubscription(socket)).toThrow(AuthError);
    releases[0]?.();
    releases[0]?.();
    const again = limits.openSubscription(socket);
    expect(() => limits.openSubscription(socket)).toThrow(AuthError);
    again();
    expect(() => limits.openSubscription({})).not.toThrow();
  });

  it("runs at most its bound of one caller's work at once, queues the rest in order, and leaves other callers alone", async () => {
    const limits = new CallLimits();
    const started: number[] = [];
    const ends: (() => void)[] = [];
    const calls = Array.from({ length: 6 }, (_, i) =>
      limits.admit("user:1", "auth.me", undefined).then((end) => {
        started.push(i);
        ends.push(end);
      }),
    );
    await settled();
    const atOnce = Math.floor(CALLER_WORK_IN_FLIGHT.points / costOf("auth.me", undefined));
    expect(started).toEqual(Array.from({ length: atOnce }, (_, i) => i));
    expect(limits.workInFlight("user:1")).toBe(atOnce * costOf("auth.me", undefined));
    // Another caller does not wait behind the first one's queue.
    const other = await limits.admit("user:2", "auth.me", undefined);
    other();
    ends[0]?.();
    ends[0]?.();
    await settled();
    expect(started).toHaveLength(atOnce + 1);
    while (ends.length < 6) {
      ends.at(-1)?.();
      await settled();
    }
    await Promise.all(calls);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("runs a call heavier than the bound alone, and refuses a caller whose queue is full", async () => {
    const limits = new CallLimits();
    const endExport = await limits.admit("user:1", "wallet.exportCsv", undefined);
    // Each waiting call ends as soon as it starts.
    const waiting = Array.from({ length: CALLER_WORK_IN_FLIGHT.waiting }, () =>
      limits.admit("user:1", "market.list", undefined).then((end) => end()),
    );
    await settled();
    expect(await outcome(limits.admit("user:1", "market.list", undefined).then(() => {}))).toBe(
      "RATE_LIMITED",
    );
    // Order commands are bounded by the sequencer's queue, not here.
    expect(await outcome(limits.admit("user:1", "orders.place", {}).then(() => {}))).toBe("OK");
    endExport();
    await Promise.all(waiting);
    expect(limits.workInFlight("user:1")).toBe(0);
  });

  it("refuses without a stack trace to format, as a flood's refusals are expected", async () => {
    const limits = new CallLimits();
    const socket = {};
    for (let i = 0; i < SOCKET_CALLS_PER_SECOND; i++) await limits.chargeSocket(socket);
    const refusal = await limits.chargeSocket(socket).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refusal).toBeInstanceOf(CallLimitRefusal);
    const stack = (refusal as CallLimitRefusal).stack ?? "";
    expect(stack.split("\n").filter((line) => line.trim().startsWith("at "))).toEqual([]);
  });

  it("drops the waiting calls of a socket that closed instead of running them", async () => {
    const limits = new CallLimits();
    const socket = { readyState: 1 };
    const closed = () => socket.readyState !== 1;
    const atOnce = Math.floor(CALLER_WORK_IN_FLIGHT.points / costOf("auth.me", undefined));
    let ran = 0;
    const ends: (() => void)[] = [];
    const calls = Array.from({ length: 20 }, () =>
      limits.admit("user:1", "auth.me", undefined, closed).then((end) => {
        ran += 1;
        ends.push(end);
      }),
    );
    await settled();
    expect(ran).toBe(atOnce);
    expect(limits.callsWaiting("user:1")).toBe(20 - atOnce);
    socket.readyState = 3;
    for (const end of ends) end();
    const outcomes = await Promise.allSettled(calls);
    const dropped = outcomes.filter(
      (result) =>
        result.status === "rejected" &&
        result.reason instanceof TRPCError &&
        result.reason.code === "CLIENT_CLOSED_REQUEST",
    );
    expect(ran).toBe(atOnce);
    expect(dropped).toHaveLength(20 - atOnce);
    expect(limits.workInFlight("user:1")).toBe(0);
    expect(limits.callsWaiting("user:1")).toBe(0);
  });
});

/** Lets every promise that can settle now do so. */
function settled(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
