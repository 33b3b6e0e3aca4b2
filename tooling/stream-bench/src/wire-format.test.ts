import { describe, expect, it } from "vitest";
import { encodeDiff, readFrame } from "./wire-format";

describe("readFrame", () => {
  it("reads a diff's timestamp and sequences from the bytes the naive server sends", () => {
    const frame = encodeDiff("SOL-USDT", 42, 1_700_000_000_123, { price: "99.5", quantity: "1" });
    expect(readFrame(Buffer.from(frame))).toEqual({
      kind: "diff",
      publishedAt: 1_700_000_000_123,
      fromSequence: 42,
      toSequence: 42,
    });
  });

  it("recognizes the snapshot that opens a book subscription", () => {
    const frame = JSON.stringify({
      id: 1,
      result: {
        type: "data",
        id: "7",
        data: { json: { id: "7", data: { kind: "snapshot", sequence: 7, bids: [], asks: [] } } },
      },
    });
    expect(readFrame(Buffer.from(frame))).toEqual({ kind: "snapshot", sequence: 7 });
  });

  it("tells the server's keep-alive ping apart from data", () => {
    expect(readFrame(Buffer.from("PING"))).toEqual({ kind: "ping" });
    expect(readFrame(Buffer.from('{"id":1,"result":{"type":"started"}}'))).toEqual({
      kind: "other",
    });
  });

  it("surfaces a tRPC error's message", () => {
    const frame = JSON.stringify({ id: 1, error: { json: { message: "No market FOO-BAR" } } });
    expect(readFrame(Buffer.from(frame))).toEqual({ kind: "error", message: "No market FOO-BAR" });
  });
});
