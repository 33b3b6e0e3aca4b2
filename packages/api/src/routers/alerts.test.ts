import { MAX_ACTIVE_PRICE_ALERTS } from "@cryptotrade/contract/alerts";
import { InProcessBus, type StreamMessage } from "@cryptotrade/exchange";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { watchPriceAlerts } from "../alerts/fire-price-alerts";
import { useTestApi } from "../testing/use-test-api";

const above = (price: string, symbol = "BTC-USDT") =>
  ({ kind: "price", symbol, direction: "above", price }) as const;
const below = (price: string, symbol = "BTC-USDT") =>
  ({ kind: "price", symbol, direction: "below", price }) as const;

describe("price alerts", () => {
  const t = useTestApi();

  it("creates, lists and cancels a user's alerts, and nobody else sees or cancels them", async () => {
    const alice = await t.trader();
    const bob = await t.trader();
    const created = await alice.caller.alerts.create(above("65000"));
    expect(created).toMatchObject({
      symbol: "BTC-USDT",
      direction: "above",
      price: "65000.00",
      movePercent: null,
      status: "active",
      triggeredPrice: null,
    });
    const other = await alice.caller.alerts.create(below("60000.50", "BTC-USDT"));
    expect((await alice.caller.alerts.list()).map((alert) => alert.id)).toEqual([
      other.id,
      created.id,
    ]);
    expect(await bob.caller.alerts.list()).toEqual([]);
    await expect(bob.caller.alerts.cancel({ id: created.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const cancelled = await alice.caller.alerts.cancel({ id: created.id });
    expect(cancelled).toMatchObject({ id: created.id, status: "cancelled" });
    expect(cancelled.cancelledAt).toBeInstanceOf(Date);
    expect((await alice.caller.alerts.list()).map((alert) => alert.id)).toEqual([other.id]);
    expect((await alice.caller.alerts.list({ all: true })).map((alert) => alert.status)).toEqual([
      "active",
      "cancelled",
    ]);
    // Cancelling twice finds nothing active to cancel.
    await expect(alice.caller.alerts.cancel({ id: created.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(t.anonymous().alerts.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("says push is off, and keeps no subscription, when no VAPID keys are configured", async () => {
    const user = await t.trader();
    expect(await t.anonymous().alerts.pushKey()).toEqual({ publicKey: null });
    await expect(
      user.caller.alerts.subscribePush({
        endpoint: "https://push.example.com/send/abc",
        keys: { p256dh: "B".repeat(87), auth: "A".repeat(22) },
      }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });

  it("takes a % move from the last trade price, rounded onto the tick away from it", async () => {
    await t.tradeAt("BTC-USDT", "30000.00");
    const user = await t.trader();
    const up = await user.caller.alerts.create({
      kind: "move",
      symbol: "BTC-USDT",
      direction: "above",
      percent: "2.5",
    });
    expect(up).toMatchObject({ price: "30750.00", movePercent: "2.5", referencePrice: "30000.00" });
    const down = await user.caller.alerts.create({
      kind: "move",
      symbol: "BTC-USDT",
      direction: "below",
      percent: "0.03",
    });
    // 30000 × 0.9997 = 29991.00 exactly on the 0.01 grid.
    expect(down).toMatchObject({ price: "29991.00", movePercent: "0.03" });
  });

  it("refuses bad alerts, naming the reason and the field", async () => {
    const user = await t.trader();
    // Called in process the error is the TRPCError itself: the reason is on its cause.
    const reasonOf = async (call: Promise<unknown>) => {
      const error = (await call.then(
        () => undefined,
        (caught: unknown) => caught,
      )) as { code: string; cause?: { reason?: string; field?: string } } | undefined;
      return { code: error?.code, reason: error?.cause?.reason, field: error?.cause?.field };
    };
    expect(await reasonOf(user.caller.alerts.create(above("65000.001")))).toEqual({
      code: "BAD_REQUEST",
      reason: "PRICE_NOT_ON_TICK",
      field: "price",
    });
    expect(await reasonOf(user.caller.alerts.create(above("0")))).toMatchObject({
      code: "BAD_REQUEST",
      reason: "NOT_POSITIVE",
    });
    expect(await reasonOf(user.caller.alerts.create(above("100", "DOGE-USDT")))).toEqual({
      code: "BAD_REQUEST",
      reason: "UNKNOWN_MARKET",
      field: "symbol",
    });
    // A market nobody traded has no price to move from.
    expect(
      await reasonOf(
        user.caller.alerts.create({
          kind: "move",
          symbol: "ETH-BTC",
          direction: "above",
          percent: "5",
        }),
      ),
    ).toEqual({ code: "BAD_REQUEST", reason: "NO_REFERENCE_PRICE", field: "percent" });
    expect(
      await reasonOf(
        user.caller.alerts.create({
          kind: "move",
          symbol: "BTC-USDT",
          direction: "below",
          percent: "100",
        }),
      ),
    ).toMatchObject({ code: "BAD_REQUEST", field: "percent" });
    expect(
      await reasonOf(
        user.caller.alerts.create({
          kind: "move",
          symbol: "BTC-USDT",
          direction: "above",
          percent: "1e3",
        } as never),
      ),
    ).toMatchObject({ code: "BAD_REQUEST" });
    expect(await user.caller.alerts.list({ all: true })).toEqual([]);
  });

  it("caps a user's active alerts, and a cancelled one makes room", async () => {
    const user = await t.trader();
    const created = await Promise.all(
      Array.from({ length: MAX_ACTIVE_PRICE_ALERTS + 3 }, (_, index) =>
        user.caller.alerts.create(above(String(70000 + index))).then(
          (alert) => alert,
          (error: { code: string; cause?: { reason?: string } }) => error,
        ),
      ),
    );
    const refused = created.filter((result) => "code" in result);
    // Created at once, the lock on the user still lets exactly the cap through.
    expect(refused).toHaveLength(3);
    expect(refused[0]).toMatchObject({
      code: "PRECONDITION_FAILED",
      cause: { reason: "LIMIT_REACHED" },
    });
    const active = await user.caller.alerts.list();
    expect(active).toHaveLength(MAX_ACTIVE_PRICE_ALERTS);
    await user.caller.alerts.cancel({ id: active[0]?.id ?? "" });
    await expect(user.caller.alerts.create(above("80000"))).resolves.toMatchObject({
      status: "active",
    });
  });

  it("fires an alert once when a trade crosses it, never a cancelled one, and tells the live sessions", async () => {
    await t.tradeAt("SOL-USDT", "100.00", "1");
    const user = await t.trader();
    const live = (await user.caller.alerts.onTriggered()) as AsyncIterable<[string, StreamMessage]>;
    const heard = live[Symbol.asyncIterator]();
    // Asked for at once, so the subscription listens before anything fires.
    const firstHeard = heard.next();
    const nextHeard = async () => (await heard.next()).value?.[1];
    try {
      const rise = await user.caller.alerts.create(above("101.00", "SOL-USDT"));
      const fall = await user.caller.alerts.create(below("99.00", "SOL-USDT"));
      const cancelled = await user.caller.alerts.create(above("100.50", "SOL-USDT"));
      await user.caller.alerts.cancel({ id: cancelled.id });

      // SOL-USDT's tick is 0.001. 100.75 crosses only the cancelled alert: nothing fires.
      await t.tradeAt("SOL-USDT", "100.75", "1");
      await t.api.priceAlerts.settled();
      expect((await user.caller.alerts.list()).map((alert) => alert.id).sort()).toEqual(
        [rise.id, fall.id].sort(),
      );

      await t.tradeAt("SOL-USDT", "101.25", "1");
      await t.tradeAt("SOL-USDT", "102.00", "1");
      expect((await firstHeard).value?.[1]).toMatchObject({
        kind: "priceAlert",
        alert: { id: rise.id, status: "triggered", triggeredPrice: "101.250", price: "101.000" },
      });
      // The next thing heard is the fall, not the rise again on the later trade.
      await t.tradeAt("SOL-USDT", "98.50", "1");
      expect(await nextHeard()).toMatchObject({
        kind: "priceAlert",
        alert: { id: fall.id, direction: "below", triggeredPrice: "98.500" },
      });

      const all = await user.caller.alerts.list({ all: true });
      expect(all.find((alert) => alert.id === rise.id)).toMatchObject({
        status: "triggered",
        triggeredPrice: "101.250",
      });
      expect(all.find((alert) => alert.id === cancelled.id)).toMatchObject({
        status: "cancelled",
        triggeredAt: null,
      });
      expect(await user.caller.alerts.list()).toEqual([]);
    } finally {
      // Paused at a yield by now, the subscription ends at once and stops listening.
      void heard.return?.(undefined);
    }
  });

  it("fires each alert once when two evaluators see the same trades, as two processes would", async () => {
    await t.tradeAt("ETH-USDT", "2000.00");
    const user = await t.trader();
    const alerts = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        user.caller.alerts.create(above((2001 + index).toFixed(2), "ETH-USDT")),
      ),
    );
    const delivered: string[] = [];
    const record = (message: StreamMessage) => {
      if (message.kind === "priceAlert") delivered.push(message.alert.id);
    };
    const channel = `user:${user.userId}`;
    const stopMain = t.api.bus.subscribe(channel, record);
    const secondBus = new InProcessBus<StreamMessage>();
    const stopSecond = secondBus.subscribe(channel, record);
    let secondIds = 0;
    const second = watchPriceAlerts({
      exchange: t.api.exchange,
      db: t.api.database.db,
      bus: secondBus,
      push: undefined,
      log: pino({ level: "silent" }),
      nextId: () => `second.${++secondIds}`,
    });
    try {
      await t.tradeAt("ETH-USDT", "2010.00");
      await t.tradeAt("ETH-USDT", "2030.00");
      await Promise.all([t.api.priceAlerts.settled(), second.settled()]);
      // The buses deliver on a microtask; one more turn and every message has landed.
      await new Promise<void>((resolve) => queueMicrotask(resolve));
      expect(delivered.sort()).toEqual(alerts.map((alert) => alert.id).sort());
    } finally {
      second.stop();
      stopMain();
      stopSecond();
    }
  });
});
