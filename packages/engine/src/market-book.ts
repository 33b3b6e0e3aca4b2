import { BookSide } from "./book-side";
import { BUY } from "./order-codes";
import { NIL, type OrderPool } from "./order-pool";

/**
 * Everything one market owns: the two sides of the order book, the untriggered stop orders
 * (split by the direction of price move that fires them), the trailing stops, the last
 * trade price and the book sequence.
 */
export class MarketBook {
  readonly bids: BookSide;
  readonly asks: BookSide;
  /** Buy stops and sell take-profits: fire when the last price rises to their stop price. */
  readonly riseStops: BookSide;
  /** Sell stops and buy take-profits: fire when the last price falls to their stop price. */
  readonly fallStops: BookSide;
  /** Trailing stops in acceptance order, linked through the pool's prev/next fields. */
  trailingHead = NIL;
  trailingTail = NIL;
  /** Last trade price; 0 before the first trade. */
  lastPrice = 0;
  /** Number of bookLevel events emitted so far. */
  sequence = 0;

  constructor(
    readonly symbol: string,
    readonly index: number,
    /** Allowed distance from the last price in basis points; 0 = no band. */
    readonly priceBandBps: number,
    pool: OrderPool,
  ) {
    this.bids = new BookSide(pool, true);
    this.asks = new BookSide(pool, false);
    this.riseStops = new BookSide(pool, false, 16);
    this.fallStops = new BookSide(pool, true, 16);
  }

  /** The side an order of `side` rests on. */
  own(side: number): BookSide {
    return side === BUY ? this.bids : this.asks;
  }

  /** The side an order of `side` takes from. */
  opposite(side: number): BookSide {
    return side === BUY ? this.asks : this.bids;
  }

  /** Whether a limit order at `price` would take liquidity right now. */
  wouldCross(side: number, price: number): boolean {
    const book = this.opposite(side);
    const best = book.best();
    if (best === NIL) return false;
    const bestPrice = book.levelPrice(best);
    return side === BUY ? bestPrice <= price : bestPrice >= price;
  }

  /**
   * Whether `price` lies within the band around the last price. Integer-only: the allowed
   * deviation is floor(last × bps / 10 000), computed in two parts so it never leaves the
   * safe-integer range.
   */
  inBand(price: number): boolean {
    if (this.priceBandBps === 0 || this.lastPrice === 0) return true;
    const last = this.lastPrice;
    const bps = this.priceBandBps;
    const rest = last % 10_000;
    const whole = (last - rest) / 10_000;
    const fraction = rest * bps;
    const deviation = whole * bps + (fraction - (fraction % 10_000)) / 10_000;
    return Math.abs(price - last) <= deviation;
  }
}
