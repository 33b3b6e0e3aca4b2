import { describe, expect, it } from "vitest";
import { BookSide } from "./book-side";
import { NIL, OrderPool } from "./order-pool";

function prices(side: BookSide): number[] {
  const out: number[] = [];
  for (let level = side.best(); level !== NIL; level = side.nextLevel(level)) {
    out.push(side.levelPrice(level));
  }
  return out;
}

describe("BookSide", () => {
  it("hides emptied levels from every reader, reuses them, and keeps only a few", () => {
    const pool = new OrderPool(1);
    const bids = new BookSide(pool, true, 4);
    const slots = new Map<number, number>();
    for (let price = 1; price <= 200; price++) {
      const slot = pool.allocate();
      slots.set(price, slot);
      bids.append(slot, price, 1);
    }
    // Empty every level below the top but one in three: far more than the parking holds.
    for (let price = 1; price < 200; price++) {
      if (price % 3 !== 0) bids.remove(slots.get(price) ?? NIL, 1);
    }
    const expected = [200, ...Array.from({ length: 66 }, (_, i) => 198 - 3 * i)];
    expect(prices(bids)).toEqual(expected);
    expect(bids.levelCount).toBe(expected.length);
    // Refill a price whose level was just parked, and one parked long ago (since dropped).
    for (const price of [199, 4]) {
      const slot = pool.allocate();
      expect(bids.append(slot, price, 7)).toBe(7);
    }
    expect(prices(bids).slice(0, 3)).toEqual([200, 199, 198]);
    expect(prices(bids).at(-1)).toBe(3);
    expect(bids.levelCount).toBe(expected.length + 2);
  });

  it("skips parked levels when the best level empties", () => {
    const pool = new OrderPool(1);
    const asks = new BookSide(pool, false, 4);
    const [a, b, c] = [pool.allocate(), pool.allocate(), pool.allocate()];
    asks.append(a, 10, 1);
    asks.append(b, 11, 1);
    asks.append(c, 12, 1);
    asks.remove(b, 1); // parks 11
    asks.remove(a, 1); // the top empties: 10 and the parked 11 go, 12 becomes best
    expect(asks.levelPrice(asks.best())).toBe(12);
    expect(asks.levelCount).toBe(1);
    asks.remove(c, 1);
    expect(asks.best()).toBe(NIL);
    expect(asks.levelCount).toBe(0);
  });
});
