import { AuthError } from "@cryptotrade/auth";
import { describe, expect, it } from "vitest";
import {
  CALL_BUDGET,
  CallLimits,
  costOf,
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
});
