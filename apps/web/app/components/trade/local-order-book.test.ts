import { describe, expect, it } from "vitest";
import { computeBookView, readMarketFormat } from "./book-view";
import { type BookEvent, LocalOrderBook } from "./local-order-book";

const BTC_USDT = readMarketFormat({
  tickSize: "0.010000",
  lotSize: "0.00010000",
  priceDecimals: 2,
  quantityDecimals: 4,
});

function snapshot(sequence: number): BookEvent {
  return {
    kind: "snapshot",
    sequence,
    bids: [
      { price: "64999.990000", quantity: "0.50000000" },
      { price: "64999.050000", quantity: "1.00000000" },
    ],
    asks: [{ price: "65000.010000", quantity: "0.25000000" }],
  };
}

function diff(fromSequence: number, toSequence: number, asks: BookEvent["asks"]): BookEvent {
  return { kind: "diff", fromSequence, toSequence, bids: [], asks };
}

describe("the local order book", () => {
  it("applies diffs that continue the snapshot's sequence", () => {
    const book = new LocalOrderBook();
    expect(book.apply(snapshot(10))).toBe("applied");
    expect(book.apply(diff(11, 12, [{ price: "65000.020000", quantity: "2.00000000" }]))).toBe(
      "applied",
    );
    expect(book.apply(diff(13, 13, [{ price: "65000.010000", quantity: "0.00000000" }]))).toBe(
      "applied",
    );
    expect([...book.asks]).toEqual([["65000.020000", "2.00000000"]]);
    expect(book.sequence).toBe(13);
  });

  it("reports a gap and leaves the book as it was", () => {
    const book = new LocalOrderBook();
    book.apply(snapshot(10));
    expect(book.apply(diff(12, 12, [{ price: "65000.020000", quantity: "2.00000000" }]))).toBe(
      "gap",
    );
    expect(book.sequence).toBe(10);
    expect(book.asks.has("65000.020000")).toBe(false);
  });

  it("ignores a diff it already holds and needs a snapshot before any diff", () => {
    const book = new LocalOrderBook();
    expect(book.apply(diff(1, 1, []))).toBe("gap");
    book.apply(snapshot(10));
    expect(book.apply(diff(9, 10, [{ price: "1.000000", quantity: "1.00000000" }]))).toBe("stale");
    expect(book.asks.has("1.000000")).toBe(false);
  });

  it("starts over from a new snapshot, dropping levels the old one had", () => {
    const book = new LocalOrderBook();
    book.apply(snapshot(10));
    book.apply({ kind: "snapshot", sequence: 3, bids: [], asks: [] });
    expect(book.bids.size + book.asks.size).toBe(0);
    expect(book.sequence).toBe(3);
  });
});

describe("the book as shown", () => {
  it("writes prices at the tick, totals cumulatively and the spread exactly", () => {
    const book = new LocalOrderBook();
    book.apply(snapshot(1));
    const view = computeBookView(book, BTC_USDT, 1, 10);
    expect(view.bids).toEqual([
      { price: "64999.99", quantity: "0.5000", total: "0.5000", depth: 0.5 / 1.5 },
      { price: "64999.05", quantity: "1.0000", total: "1.5000", depth: 1 },
    ]);
    expect(view.asks.map((row) => row.price)).toEqual(["65000.01"]);
    // 0.02 of a mid price of 65000.00 is 0.0000307…%: below what 3 decimals can show.
    expect(view.spread).toEqual({ absolute: "0.02", percent: "<0.001" });
  });

  it("groups bids down and asks up to the chosen multiple of the tick", () => {
    const book = new LocalOrderBook();
    book.apply(snapshot(1));
    const view = computeBookView(book, BTC_USDT, 100, 10);
    expect(view.bids).toEqual([
      { price: "64999.00", quantity: "1.5000", total: "1.5000", depth: 1 },
    ]);
    expect(view.asks.map((row) => [row.price, row.quantity])).toEqual([["65001.00", "0.2500"]]);
  });

  it("gives the spread's share of the mid price", () => {
    const book = new LocalOrderBook();
    book.apply({
      kind: "snapshot",
      sequence: 1,
      bids: [{ price: "99.000000", quantity: "1.00000000" }],
      asks: [{ price: "101.000000", quantity: "1.00000000" }],
    });
    expect(computeBookView(book, BTC_USDT, 1, 10).spread).toEqual({
      absolute: "2.00",
      percent: "2.000",
    });
  });

  it("shows at most the rows asked for, best first", () => {
    const book = new LocalOrderBook();
    book.apply(snapshot(1));
    expect(computeBookView(book, BTC_USDT, 1, 1).bids.map((row) => row.price)).toEqual([
      "64999.99",
    ]);
  });
});
