import { transformTRPCResponse } from "@trpc/server";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { appRouter } from "../root";
import {
  addressKey,
  frameOf,
  onFirstFrame,
  type SubscriptionAddress,
  sharedFrameEncoder,
  shareMessage,
  streamingTransformer,
} from "./shared-encoding";

const config = appRouter._def._config;

/** What the ws adapter sends for one tracked event of one subscription. */
function frame(subscriptionId: number | string, trackedId: string, data: unknown): string {
  const response = transformTRPCResponse(config, {
    id: subscriptionId,
    jsonrpc: "2.0",
    result: { type: "data", data: { id: trackedId, data }, id: trackedId },
  });
  return sharedFrameEncoder.encode(response) as string;
}

function tradeMessage() {
  return {
    kind: "trades" as const,
    id: "000042",
    symbol: "BTC-USDT",
    trades: [{ price: "100.5", quantity: "0.25", time: new Date("2026-11-24T00:00:00Z") }],
  };
}

describe("shared stream encoding", () => {
  it("frames a shared message exactly as JSON.stringify frames a fresh copy", () => {
    const shared = shareMessage(tradeMessage());
    for (const subscriptionId of [1, 7, 'sub-"quoted"']) {
      const expected = JSON.stringify({
        id: subscriptionId,
        jsonrpc: "2.0",
        result: {
          type: "data",
          data: superjson.serialize({ id: "000042", data: tradeMessage() }),
          id: "000042",
        },
      });
      const text = frame(subscriptionId, "000042", shared);
      expect(JSON.parse(text)).toEqual(JSON.parse(expected));
      // The client reads it back to the original message, Date included.
      const parsed = JSON.parse(text) as {
        result: { data: Parameters<typeof superjson.deserialize>[0] };
      };
      expect(superjson.deserialize(parsed.result.data)).toEqual({
        id: "000042",
        data: tradeMessage(),
      });
    }
  });

  it("serializes a shared message once for every subscriber", () => {
    const shared = shareMessage(tradeMessage());
    const first = streamingTransformer.output.serialize({ id: "000042", data: shared });
    const second = streamingTransformer.output.serialize({ id: "000042", data: shared });
    expect(second).toBe(first);
    // Another tracked id is another output, not a stale one.
    const other = streamingTransformer.output.serialize({ id: "000043", data: shared });
    expect(other).not.toBe(first);
    expect(other).toEqual(superjson.serialize({ id: "000043", data: shared }));
  });

  it("leaves messages that are not shared, or carry more keys, to plain superjson", () => {
    const plain = tradeMessage();
    const a = streamingTransformer.output.serialize({ id: "1", data: plain });
    expect(streamingTransformer.output.serialize({ id: "1", data: plain })).not.toBe(a);
    const shared = shareMessage(tradeMessage());
    const wider = { id: "1", data: shared, extra: true };
    expect(streamingTransformer.output.serialize(wider)).toEqual(superjson.serialize(wider));
    expect(Object.isFrozen(shared)).toBe(true);
  });

  it("tells a marked event's subscription its address, and frames direct sends the same way", () => {
    const snapshot = { kind: "snapshot", sequence: 41 };
    let address: SubscriptionAddress | undefined;
    onFirstFrame(snapshot, (to) => {
      address = to;
    });
    frame("sub-9", "41", snapshot);
    expect(address).toEqual({ id: "sub-9", jsonrpc: "2.0" });

    const shared = shareMessage(tradeMessage());
    const to = { id: "sub-9", jsonrpc: "2.0" } as const;
    const bytes = frameOf(to, addressKey(to), "000042", shared);
    expect(bytes.toString("utf8")).toBe(frame("sub-9", "000042", shared));
    // A thousand subscribers with the same id share one buffer.
    expect(frameOf(to, addressKey(to), "000042", shared)).toBe(bytes);
    const other = { id: 1 };
    const otherBytes = frameOf(other, addressKey(other), "000042", shared);
    expect(otherBytes).not.toBe(bytes);
    expect(otherBytes.toString("utf8")).toBe(
      frame(1, "000042", shared).replace(',"jsonrpc":"2.0"', ""),
    );
  });

  it("frames correctly for any number of subscription ids, caching only a few", () => {
    const shared = shareMessage(tradeMessage());
    for (let id = 1; id <= 20; id++) {
      const to = { id };
      const expected = frame(id, "000042", shared).replace(',"jsonrpc":"2.0"', "");
      expect(frameOf(to, addressKey(to), "000042", shared).toString("utf8")).toBe(expected);
      expect(JSON.parse(frame(id, "000042", shared)).id).toBe(id);
    }
  });
});
