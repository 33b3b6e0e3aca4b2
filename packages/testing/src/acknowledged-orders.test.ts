import { describe, expect, it } from "vitest";
import { AcknowledgedOrders } from "./acknowledged-orders";

const order = (
  id: string,
  status: "open" | "partially_filled" | "filled" | "cancelled",
  filledQuantity: string,
) => ({ id, status, filledQuantity }) as const;

describe("AcknowledgedOrders", () => {
  it("accepts an order read back as far along as acknowledged, or further, and raises the floor", () => {
    const acknowledged = new AcknowledgedOrders();
    acknowledged.record(0, order("1", "open", "0"));
    expect(acknowledged.verify("1", order("1", "partially_filled", "0.5"))).toBeUndefined();
    // What was read back is durable: going back to it from there is a loss.
    expect(acknowledged.verify("1", order("1", "open", "0"))).toBe(
      "order 1 acknowledged as partially_filled with 500000000000000000 filled is now open with 0 filled",
    );
  });

  it("names an acknowledged order that is missing, shrank or left a final status", () => {
    const acknowledged = new AcknowledgedOrders();
    acknowledged.record(0, order("1", "filled", "1"));
    acknowledged.record(1, order("2", "cancelled", "0"));
    expect(acknowledged.verify("1", undefined)).toMatch(
      /^order 1 acknowledged as filled .* is missing$/,
    );
    expect(acknowledged.verify("1", order("1", "filled", "0.9"))).toMatch(/is now filled/);
    expect(acknowledged.verify("2", order("2", "filled", "0"))).toMatch(
      /is now filled with 0 filled$/,
    );
    expect(acknowledged.verify("3", order("3", "open", "0"))).toBe(
      "order 3 was never acknowledged",
    );
  });

  it("keeps the later of two answers and offers only live orders to cancel", () => {
    const acknowledged = new AcknowledgedOrders();
    acknowledged.record(0, order("1", "cancelled", "0"));
    // A place answer that arrives after the cancel answer must not lower the floor.
    acknowledged.record(0, order("1", "open", "0"));
    acknowledged.record(0, order("2", "open", "0"));
    acknowledged.record(1, order("3", "partially_filled", "0.1"));
    expect(acknowledged.liveIdsOf(0)).toEqual(["2"]);
    expect(acknowledged.liveIdsOf(1)).toEqual(["3"]);
    expect(acknowledged.idsByOwner()).toEqual(
      new Map([
        [0, ["1", "2"]],
        [1, ["3"]],
      ]),
    );
    expect(acknowledged.size).toBe(3);
  });
});
