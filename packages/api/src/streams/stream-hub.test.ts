import {
  type BookDiffMessage,
  channels,
  InProcessBus,
  type StreamMessage,
} from "@cryptotrade/exchange";
import { describe, expect, it } from "vitest";
import { StreamHub } from "./stream-hub";

const CHANNEL = channels.book("BTC-USDT");

function diff(sequence: number): BookDiffMessage {
  return {
    kind: "diff",
    symbol: "BTC-USDT",
    fromSequence: sequence,
    toSequence: sequence,
    publishedAt: 0,
    bids: [],
    asks: [],
  };
}

/** The bus delivers on a microtask; this lets it. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

function sequenceOf(message: StreamMessage): number {
  return message.kind === "diff" ? message.toSequence : -1;
}

describe("StreamHub direct delivery", () => {
  it("hands messages to the direct handler only while the consumer waits with nothing queued", async () => {
    const bus = new InProcessBus();
    const hub = new StreamHub(bus);
    const abort = new AbortController();
    const stream = hub.listen(CHANNEL, abort.signal);
    const direct: number[] = [];
    const iterated: number[] = [];
    // Declines every fourth message: it and what follows must reach the iterator in order.
    stream.deliverDirectly((message) => {
      if (sequenceOf(message) % 4 === 0) return false;
      direct.push(sequenceOf(message));
      return true;
    });

    // Nobody is waiting yet: these queue, and the handler must not see them.
    bus.publish(CHANNEL, diff(1));
    bus.publish(CHANNEL, diff(2));
    await settle();
    const iterator = stream[Symbol.asyncIterator]();
    for (let i = 0; i < 2; i++) iterated.push(sequenceOf((await iterator.next()).value));

    // Now it waits with an empty queue: 3 goes direct, 4 is declined and wakes the consumer,
    // and 5 and 6, published before it asks again, queue behind 4.
    const woken = iterator.next();
    for (const sequence of [3, 4, 5, 6]) bus.publish(CHANNEL, diff(sequence));
    await settle();
    iterated.push(sequenceOf((await woken).value));
    for (let i = 0; i < 2; i++) iterated.push(sequenceOf((await iterator.next()).value));

    // Drained and waiting again: direct once more.
    const last = iterator.next();
    bus.publish(CHANNEL, diff(7));
    await settle();
    abort.abort();
    expect((await last).done).toBe(true);

    expect(direct).toEqual([3, 7]);
    expect(iterated).toEqual([1, 2, 4, 5, 6]);
    await hub.close();
  });
});
