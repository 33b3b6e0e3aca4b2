import { InProcessBus, type StreamMessage } from "@cryptotrade/exchange";
import { describe, expect, it } from "vitest";
import type { CallObserver } from "./call-observer";
import { observeSubscription } from "./observed-calls";
import { StreamHub } from "./streams/stream-hub";

/** An observer that writes down what it is told. */
function recordingObserver() {
  const told: string[] = [];
  const observer: CallObserver = {
    runCall: (_call, run) => run(),
    openSubscription: (path) => {
      told.push(`open ${path}`);
      return () => told.push(`close ${path}`);
    },
    resumed: (path, outcome) => told.push(`resumed ${path} ${outcome}`),
    droppedSlowConsumer: (path) => told.push(`dropped ${path}`),
  };
  return { observer, told };
}

const trades = (id: number): StreamMessage => ({
  kind: "trades",
  id: String(id),
  symbol: "BTC-USDT",
  trades: [],
});

describe("observeSubscription", () => {
  it("reports a subscriber the hub drops for falling behind, and closes it", async () => {
    const bus = new InProcessBus<StreamMessage>();
    const hub = new StreamHub(bus, { maxQueue: 2 });
    const { observer, told } = recordingObserver();
    const observed = observeSubscription(
      observer,
      "market.onTrades",
      false,
      hub.listen("trades:BTC-USDT", undefined),
    );
    // Subscribed after the hub, this sees each message just after the hub has taken it.
    const delivered = new Promise<void>((resolve) => {
      bus.subscribe("trades:BTC-USDT", (message) => {
        if (message.kind === "trades" && message.id === "4") resolve();
      });
    });
    for (let id = 1; id <= 4; id++) bus.publish("trades:BTC-USDT", trades(id));
    await delivered;
    const received: unknown[] = [];
    await expect(
      (async () => {
        for await (const message of observed) received.push(message);
      })(),
    ).rejects.toThrow("Dropped");
    expect(received).toHaveLength(2);
    expect(told).toEqual([
      "open market.onTrades",
      "dropped market.onTrades",
      "close market.onTrades",
    ]);
    await hub.close();
  });

  it("tells a resync from a replay by the first event of a resumed subscription", async () => {
    async function* events(...data: object[]) {
      for (const [index, item] of data.entries()) yield [String(index), item];
    }
    const { observer, told } = recordingObserver();
    for await (const _ of observeSubscription(
      observer,
      "market.onTrades",
      true,
      events({ kind: "resync" }),
    )) {
      // drained
    }
    for await (const _ of observeSubscription(
      observer,
      "market.onBook",
      true,
      events({ kind: "diff" }),
    )) {
      // drained
    }
    for await (const _ of observeSubscription(
      observer,
      "market.onBook",
      false,
      events({ kind: "resync" }),
    )) {
      // not resuming: nothing to tell
    }
    expect(told.filter((line) => line.startsWith("resumed"))).toEqual([
      "resumed market.onTrades resync",
      "resumed market.onBook replayed",
    ]);
  });
});
