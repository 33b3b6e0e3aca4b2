import { describe, expect, it } from "vitest";
import { changedPrices } from "./depth-frames";

describe("changedPrices", () => {
  it("reads a tRPC onBook diff's levels, leaving out removed ones", () => {
    const frame = JSON.stringify({
      id: 1,
      result: {
        type: "data",
        id: "7",
        data: {
          json: {
            id: "7",
            data: {
              kind: "diff",
              bids: [
                { price: "2000.010000", quantity: "0.010000" },
                { price: "1999.000000", quantity: "0.000000" },
              ],
              asks: [{ price: "2100.000000", quantity: "1.000000" }],
            },
          },
        },
      },
    });
    expect(changedPrices("trpc", frame)).toEqual(["2000.010000", "2100.000000"]);
  });

  it("gives null for a tRPC snapshot, a subscription's start and anything unreadable", () => {
    const snapshot = {
      result: { type: "data", data: { json: { id: "1", data: { kind: "snapshot", bids: [] } } } },
    };
    expect(changedPrices("trpc", JSON.stringify(snapshot))).toBeNull();
    expect(changedPrices("trpc", '{"id":1,"result":{"type":"started"}}')).toBeNull();
    expect(changedPrices("trpc", "PING")).toBeNull();
  });

  it("reads Binance's depthUpdate, bare and wrapped in a combined stream", () => {
    const update = {
      e: "depthUpdate",
      E: 1,
      s: "ETHUSDT",
      U: 5,
      u: 6,
      b: [
        ["2000.01000000", "0.01000000"],
        ["1999.00000000", "0.00000000"],
      ],
      a: [["2100.00", "1"]],
    };
    expect(changedPrices("binance", JSON.stringify(update))).toEqual(["2000.01000000", "2100.00"]);
    expect(
      changedPrices("binance", JSON.stringify({ stream: "ethusdt@depth@100ms", data: update })),
    ).toEqual(["2000.01000000", "2100.00"]);
    expect(changedPrices("binance", '{"result":null,"id":1}')).toBeNull();
  });
});
