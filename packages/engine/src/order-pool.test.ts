import { describe, expect, it } from "vitest";
import { BUY, CANCEL_BOTH, FOK, OPEN, SELL, STOP_LIMIT } from "./order-codes";
import { NIL, OrderPool, packMeta } from "./order-pool";

describe("OrderPool", () => {
  it("keeps every field of every slot across page boundaries", () => {
    const pool = new OrderPool(1);
    const count = 40_000; // a little over two pages of 16 384 slots
    for (let n = 0; n < count; n++) {
      const slot = pool.allocate();
      expect(slot).toBe(n);
      const meta = packMeta(n % 2 === 0 ? BUY : SELL, STOP_LIMIT, FOK, CANCEL_BOTH, n % 3 === 0);
      pool.init(slot, 2 ** 40 + n, n + 7, n % 5, meta, n);
      pool.setPrice(slot, 1_000 + n);
      pool.setQuantity(slot, 50 + n);
      pool.setFilled(slot, n % 50);
      pool.setTrigger(slot, 900 + n);
      pool.setWatermark(slot, 950 + n);
      pool.setQuote(slot, 10 * n);
      pool.setPrev(slot, n - 1);
      pool.setStatus(slot, OPEN);
    }
    for (const slot of [0, 16_383, 16_384, 32_768, count - 1]) {
      expect(pool.id(slot)).toBe(2 ** 40 + slot);
      expect(pool.user(slot)).toBe(slot + 7);
      expect(pool.market(slot)).toBe(slot % 5);
      expect(pool.side(slot)).toBe(slot % 2 === 0 ? BUY : SELL);
      expect([pool.type(slot), pool.tif(slot), pool.stp(slot)]).toEqual([
        STOP_LIMIT,
        FOK,
        CANCEL_BOTH,
      ]);
      expect(pool.postOnly(slot)).toBe(slot % 3 === 0);
      expect(pool.remaining(slot)).toBe(50 + slot - (slot % 50));
      expect([pool.trigger(slot), pool.watermark(slot), pool.quote(slot), pool.seq(slot)]).toEqual([
        900 + slot,
        950 + slot,
        10 * slot,
        slot,
      ]);
      expect([pool.prev(slot), pool.next(slot), pool.level(slot), pool.oco(slot)]).toEqual([
        slot - 1,
        NIL,
        NIL,
        NIL,
      ]);
      expect(pool.status(slot)).toBe(OPEN);
      expect(pool.triggered(slot)).toBe(false);
    }
  });

  it("recycles released slots before growing", () => {
    const pool = new OrderPool(1);
    const a = pool.allocate();
    const b = pool.allocate();
    pool.release(a);
    pool.release(b);
    expect([pool.allocate(), pool.allocate(), pool.allocate()]).toEqual([b, a, 2]);
  });
});
