import { isZeroDecimal } from "@cryptotrade/contract/money";

/** One price level as the API sends it: decimal strings at the market's full precision. */
interface BookLevel {
  price: string;
  quantity: string;
}

/** `market.onBook`'s first event, and again whenever the server starts the client over. */
interface BookSnapshotEvent {
  kind: "snapshot";
  sequence: number;
  bids: BookLevel[];
  asks: BookLevel[];
}

/** One committed batch's changed levels ("0" quantity = the level is gone). */
interface BookDiffEvent {
  kind: "diff";
  fromSequence: number;
  toSequence: number;
  bids: BookLevel[];
  asks: BookLevel[];
}

export type BookEvent = BookSnapshotEvent | BookDiffEvent;

/** What applying an event did: a diff that does not continue the sequence is a gap. */
export type ApplyResult = "applied" | "stale" | "gap";

/**
 * The whole book of one market, kept from `market.onBook`: a snapshot replaces everything, a
 * diff applies only if it continues the sequence exactly. Levels are keyed by the price string
 * the server sends (always written with the market's full precision, so one price has one key).
 */
export class LocalOrderBook {
  readonly bids = new Map<string, string>();
  readonly asks = new Map<string, string>();
  /** The sequence the book is at; -1 until a snapshot arrives (nothing to continue from). */
  sequence = -1;

  /**
   * Applies one event of the stream. A gap leaves the book untouched: the caller must start
   * over from a snapshot (resubscribe).
   *
   * @example
   * if (book.apply(event) === "gap") resubscribe();
   */
  apply(event: BookEvent): ApplyResult {
    if (event.kind === "snapshot") {
      this.bids.clear();
      this.asks.clear();
      setLevels(this.bids, event.bids);
      setLevels(this.asks, event.asks);
      this.sequence = event.sequence;
      return "applied";
    }
    if (this.sequence < 0) return "gap";
    if (event.toSequence <= this.sequence) return "stale";
    if (event.fromSequence !== this.sequence + 1) return "gap";
    setLevels(this.bids, event.bids);
    setLevels(this.asks, event.asks);
    this.sequence = event.toSequence;
    return "applied";
  }
}

function setLevels(side: Map<string, string>, levels: BookLevel[]) {
  for (const { price, quantity } of levels) {
    if (isZeroDecimal(quantity)) side.delete(price);
    else side.set(price, quantity);
  }
}
