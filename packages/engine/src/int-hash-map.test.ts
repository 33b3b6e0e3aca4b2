import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IntHashMap } from "./int-hash-map";

describe("IntHashMap", () => {
  it("behaves like a Map under random sets and deletes, across growth", () => {
    const key = fc.oneof(
      fc.integer({ min: 1, max: 300 }),
      fc.constantFrom(2 ** 31, 2 ** 32 + 7, Number.MAX_SAFE_INTEGER, 2 ** 40),
    );
    const op = fc.tuple(fc.boolean(), key, fc.nat({ max: 1_000_000 }));
    fc.assert(
      fc.property(fc.array(op, { maxLength: 2_000 }), (ops) => {
        const map = new IntHashMap(2);
        const model = new Map<number, number>();
        for (const [isSet, k, v] of ops) {
          if (isSet) {
            map.set(k, v);
            model.set(k, v);
          } else {
            expect(map.delete(k)).toBe(model.delete(k));
          }
        }
        expect(map.size).toBe(model.size);
        for (let k = 1; k <= 300; k++) expect(map.get(k)).toBe(model.get(k) ?? -1);
        const seen = new Map<number, number>();
        map.forEach((k, v) => {
          seen.set(k, v);
        });
        expect(seen).toEqual(model);
      }),
      { numRuns: 60 },
    );
  });

  it("keeps every key reachable after deleting from long probe runs", () => {
    const map = new IntHashMap(100_000);
    for (let k = 1; k <= 50_000; k++) map.set(k * 7919, k);
    for (let k = 1; k <= 50_000; k += 2) map.delete(k * 7919);
    for (let k = 1; k <= 50_000; k++) expect(map.get(k * 7919)).toBe(k % 2 === 0 ? k : -1);
  });
});
