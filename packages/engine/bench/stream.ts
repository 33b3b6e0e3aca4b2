/**
 * A bench stream held as typed-array columns rather than objects: the harness then adds
 * almost nothing to the V8 heap, so the garbage collector's work (and its pauses) during a
 * run belongs to the engine being measured. Each adapter builds its engine's call from the
 * columns inside the timed step, as a server would build it from a decoded request.
 */

export const LIMIT = 0;
export const MARKET = 1;
export const CANCEL = 2;
export const AMEND = 3;

export class Columns {
  length = 0;
  kind: Uint8Array;
  id: Float64Array;
  user: Float64Array;
  /** 0 buy, 1 sell. */
  side: Uint8Array;
  price: Float64Array;
  /** Limit / market: base quantity. Amend: the new total quantity (this engine). */
  quantity: Float64Array;
  /** Amend: the new open size (nodejs-order-book's modify), i.e. quantity − filled. */
  size: Float64Array;
  /** 0 GTC, 1 IOC. */
  ioc: Uint8Array;

  constructor(capacity: number) {
    this.kind = new Uint8Array(capacity);
    this.id = new Float64Array(capacity);
    this.user = new Float64Array(capacity);
    this.side = new Uint8Array(capacity);
    this.price = new Float64Array(capacity);
    this.quantity = new Float64Array(capacity);
    this.size = new Float64Array(capacity);
    this.ioc = new Uint8Array(capacity);
  }

  /** Appends one op; returns its index. */
  push(
    kind: number,
    id: number,
    fields: Partial<Record<"user" | "side" | "price" | "quantity" | "size" | "ioc", number>>,
  ): number {
    if (this.length === this.kind.length) this.grow();
    const i = this.length++;
    this.kind[i] = kind;
    this.id[i] = id;
    this.user[i] = fields.user ?? 0;
    this.side[i] = fields.side ?? 0;
    this.price[i] = fields.price ?? 0;
    this.quantity[i] = fields.quantity ?? 0;
    this.size[i] = fields.size ?? 0;
    this.ioc[i] = fields.ioc ?? 0;
    return i;
  }

  private grow(): void {
    const capacity = this.kind.length * 2;
    const widen = <T extends Uint8Array | Float64Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.kind = widen(this.kind, new Uint8Array(capacity));
    this.id = widen(this.id, new Float64Array(capacity));
    this.user = widen(this.user, new Float64Array(capacity));
    this.side = widen(this.side, new Uint8Array(capacity));
    this.price = widen(this.price, new Float64Array(capacity));
    this.quantity = widen(this.quantity, new Float64Array(capacity));
    this.size = widen(this.size, new Float64Array(capacity));
    this.ioc = widen(this.ioc, new Uint8Array(capacity));
  }
}

export interface BenchStream {
  name: string;
  description: string;
  mix: string;
  /** Builds the starting book; not timed. */
  prefill: Columns;
  /** The timed operations. */
  ops: Columns;
  /** Live orders after the prefill and after the whole stream. */
  restingBefore: number;
  restingAfter: number;
}

/** An engine under test: `start` builds a fresh, prefilled instance (untimed). */
export interface Runner {
  name: string;
  start(): { instance: unknown; step: (i: number) => void };
}
