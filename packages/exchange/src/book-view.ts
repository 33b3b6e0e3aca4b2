import type { BookLevelChange } from "./events";

export interface BookSnapshot {
  sequence: number;
  bids: Array<[price: bigint, quantity: bigint]>;
  asks: Array<[price: bigint, quantity: bigint]>;
}

/**
 * A market's aggregated book as published: changed only by committed batches, so what it
 * shows is always durable. Subscribers get the same diffs it applies.
 */
export class BookView {
  private readonly bids = new Map<bigint, bigint>();
  private readonly asks = new Map<bigint, bigint>();

  constructor(public sequence: number) {}

  static from(snapshot: BookSnapshot): BookView {
    const view = new BookView(snapshot.sequence);
    for (const [price, quantity] of snapshot.bids) view.bids.set(price, quantity);
    for (const [price, quantity] of snapshot.asks) view.asks.set(price, quantity);
    return view;
  }

  apply(change: BookLevelChange): void {
    this.setLevel(change.side, change.price, change.quantity);
    this.sequence = change.sequence;
  }

  /** Sets one level's quantity (0 removes it) without moving the sequence. */
  setLevel(side: "buy" | "sell", price: bigint, quantity: bigint): void {
    const levels = side === "buy" ? this.bids : this.asks;
    if (quantity === 0n) levels.delete(price);
    else levels.set(price, quantity);
  }

  snapshot(depth: number): BookSnapshot {
    return {
      sequence: this.sequence,
      bids: top(this.bids, depth, (a, b) => (a > b ? -1 : 1)),
      asks: top(this.asks, depth, (a, b) => (a < b ? -1 : 1)),
    };
  }

  best(): { bid: bigint | undefined; ask: bigint | undefined } {
    return { bid: this.snapshot(1).bids[0]?.[0], ask: this.snapshot(1).asks[0]?.[0] };
  }
}

function top(
  levels: Map<bigint, bigint>,
  depth: number,
  order: (a: bigint, b: bigint) => number,
): Array<[bigint, bigint]> {
  return [...levels].sort(([a], [b]) => order(a, b)).slice(0, depth);
}
