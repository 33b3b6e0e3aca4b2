import { describe, expect, it } from "vitest";
import { createCallObserver } from "./call-observer";
import { createMetrics } from "./metrics/registry";

const value = async (registry: ReturnType<typeof createMetrics>["registry"], name: string) =>
  (await registry.getSingleMetric(name)?.get())?.values ?? [];

describe("the call observer", () => {
  it("counts a call, its latency and code, a sign-in failure and the limit that refused it", async () => {
    const { registry, metrics, samplers } = createMetrics();
    const observer = createCallObserver({ metrics, samplers });
    const call = { path: "auth.login", type: "mutation", transport: "http", userId: 7 } as const;
    await observer.runCall(
      call,
      async () => "refused",
      () => ({
        code: "TOO_MANY_REQUESTS",
        limitedBy: "auth",
      }),
    );
    const calls = await value(registry, "cryptotrade_trpc_calls_total");
    expect(calls).toEqual([
      {
        labels: {
          procedure: "auth.login",
          type: "mutation",
          transport: "http",
          code: "TOO_MANY_REQUESTS",
        },
        value: 1,
      },
    ]);
    expect((await value(registry, "cryptotrade_login_failures_total"))[0]?.labels).toEqual({
      step: "password",
      code: "TOO_MANY_REQUESTS",
    });
    expect((await value(registry, "cryptotrade_rate_limited_total"))[0]?.labels).toEqual({
      reason: "auth",
    });
    expect(samplers.activeUsers()).toBe(1);
  });

  it("keeps subscriptions open per channel kind and counts resumes and drops", async () => {
    const { registry, metrics, samplers } = createMetrics();
    const observer = createCallObserver({ metrics, samplers });
    const closeBook = observer.openSubscription("market.onBook");
    const closeOrders = observer.openSubscription("account.onOrderUpdates");
    observer.resumed("market.onBook", "resync");
    observer.droppedSlowConsumer("market.onBook");
    closeBook();
    const open = await value(registry, "cryptotrade_ws_subscriptions");
    expect(open).toContainEqual({ labels: { channel: "book" }, value: 0 });
    expect(open).toContainEqual({ labels: { channel: "user" }, value: 1 });
    closeOrders();
    expect((await value(registry, "cryptotrade_ws_resumes_total"))[0]).toEqual({
      labels: { channel: "book", outcome: "resync" },
      value: 1,
    });
    expect((await value(registry, "cryptotrade_ws_slow_consumer_drops_total"))[0]).toEqual({
      labels: { stage: "queue" },
      value: 1,
    });
  });
});
