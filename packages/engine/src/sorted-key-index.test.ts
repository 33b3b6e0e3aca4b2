import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SortedKeyIndex } from "./sorted-key-index";

/** Reads the whole index back, largest first, through max() and below(). */
function readBack(index: SortedKeyIndex): number[] {
  const keys: number[] = [];
  for (let key = index.max(); key !== 0; key = index.below(key)) keys.push(key);
  return keys;
}

describe("SortedKeyIndex", () => {
  it("matches a sorted set under random inserts and removes, across chunk splits", () => {
    const key = fc.integer({ min: -3_000, max: 3_000 }).filter((k) => k !== 0);
    const op = fc.tuple(fc.boolean(), key);
    fc.assert(
      fc.property(fc.array(op, { maxLength: 3_000 }), (ops) => {
        const index = new SortedKeyIndex();
        const model = new Set<number>();
        for (const [insert, k] of ops) {
          if (insert && !model.has(k)) {
            index.insert(k);
            model.add(k);
          } else if (!insert) {
            index.remove(k);
            model.delete(k);
          }
          index.validate();
        }
        const expected = [...model].sort((a, b) => b - a);
        expect(index.size).toBe(model.size);
        expect(index.max()).toBe(expected[0] ?? 0);
        expect(readBack(index)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it("serves the best key after a deep book is built and drained from the top", () => {
    const index = new SortedKeyIndex();
    for (let k = 1; k <= 100_000; k++) index.insert(((k * 7_919) % 100_003) + 1);
    let previous = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 100_000; i++) {
      const best = index.max();
      expect(best).toBeLessThan(previous);
      previous = best;
      index.remove(best);
    }
    expect(index.max()).toBe(0);
  });
});
