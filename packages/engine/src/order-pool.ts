import { FREE } from "./order-codes";

/*
 * Every live order is a slot in typed-array pages instead of a JS object. A million resting
 * orders are then ~100 MB of flat memory that the garbage collector never traces, slots are
 * recycled through a free list so the steady state allocates nothing, and the links of the
 * intrusive per-level queues are plain int32s.
 *
 * Layout: what matching touches (ids, price, quantities, queue links, codes) is one 64-byte
 * row per order — a single cache line's worth — and the fields only stops need live in a
 * second, colder row. The pool grows a page at a time and never copies, so growth costs a
 * fresh page (about 1 MB), never a pause proportional to the book.
 */

const PAGE_BITS = 14;
const PAGE_SLOTS = 1 << PAGE_BITS;
const PAGE_MASK = PAGE_SLOTS - 1;

// Hot row: 8 float64 = 16 int32.
const HOT_F64 = 8;
const H_ID = 0;
const H_USER = 1;
const H_PRICE = 2;
/** Base quantity; 0 when the order is capped by quote only. */
const H_QUANTITY = 3;
const H_FILLED = 4;
// int32 indexes within the row (float64 slots 5..7).
const H_PREV = 10;
const H_NEXT = 11;
const H_LEVEL = 12;
const H_OCO = 13;
const H_MARKET = 14;
const H_META = 15;

// Cold row: 4 float64.
const COLD_F64 = 4;
/** Stop price, or the trailing delta of a trailing stop. */
const C_TRIGGER = 0;
const C_WATERMARK = 1;
/** Quote budget; 0 when none. */
const C_QUOTE = 2;
/** Acceptance sequence: orders triggered by the same trade run oldest first. */
const C_SEQ = 3;

// Bits of the meta word.
const SIDE_SHIFT = 0; // 1 bit
const TYPE_SHIFT = 1; // 3 bits
const TIF_SHIFT = 4; // 2 bits
const STP_SHIFT = 6; // 2 bits
const POST_ONLY_BIT = 1 << 8;
const TRIGGERED_BIT = 1 << 9;
const STATUS_SHIFT = 10; // 3 bits

export const NIL = -1;

/*
 * Accessors index pages and rows that exist by construction, so reads are cast rather than
 * checked: the casts cost nothing at run time and keep each accessor small enough for the
 * optimizing compiler to inline into the hot paths.
 */

/**
 * The fixed codes of an order packed into its meta word (status starts FREE; triggered
 * starts false).
 */
export function packMeta(
  side: number,
  type: number,
  tif: number,
  stp: number,
  postOnly: boolean,
): number {
  return (
    (side << SIDE_SHIFT) |
    (type << TYPE_SHIFT) |
    (tif << TIF_SHIFT) |
    (stp << STP_SHIFT) |
    (postOnly ? POST_ONLY_BIT : 0)
  );
}

export class OrderPool {
  private readonly hotF: Float64Array[] = [];
  private readonly hotI: Int32Array[] = [];
  private readonly cold: Float64Array[] = [];
  private freeHead = NIL;
  private highWater = 0;

  constructor(expected: number) {
    const pages = Math.max(1, Math.ceil(expected / PAGE_SLOTS));
    for (let p = 0; p < pages; p++) this.addPage();
  }

  /** Slots handed out so far, live or on the free list. */
  get allocatedSlots(): number {
    return this.highWater;
  }

  /** The first free slot (the list links through `next`), or NIL. */
  get firstFree(): number {
    return this.freeHead;
  }

  /** Takes a slot (recycled when possible). `init` must be called on it next. */
  allocate(): number {
    const recycled = this.freeHead;
    if (recycled !== NIL) {
      this.freeHead = this.next(recycled);
      return recycled;
    }
    if (this.highWater === this.hotF.length * PAGE_SLOTS) this.addPage();
    return this.highWater++;
  }

  release(slot: number): void {
    this.setStatus(slot, FREE);
    this.setNext(slot, this.freeHead);
    this.freeHead = slot;
  }

  /** Resets every field of a freshly allocated slot; `meta` comes from `packMeta`. */
  init(slot: number, id: number, user: number, market: number, meta: number, seq: number): void {
    const f = this.hf(slot);
    const o = (slot & PAGE_MASK) * HOT_F64;
    f[o + H_ID] = id;
    f[o + H_USER] = user;
    f[o + H_PRICE] = 0;
    f[o + H_QUANTITY] = 0;
    f[o + H_FILLED] = 0;
    const i = this.hi(slot);
    const r = o * 2;
    i[r + H_PREV] = NIL;
    i[r + H_NEXT] = NIL;
    i[r + H_LEVEL] = NIL;
    i[r + H_OCO] = NIL;
    i[r + H_MARKET] = market;
    i[r + H_META] = meta;
    const c = this.cf(slot);
    const q = (slot & PAGE_MASK) * COLD_F64;
    c[q + C_TRIGGER] = 0;
    c[q + C_WATERMARK] = 0;
    c[q + C_QUOTE] = 0;
    c[q + C_SEQ] = seq;
  }

  id(s: number): number {
    return (this.hotF[s >>> PAGE_BITS] as Float64Array)[(s & PAGE_MASK) * HOT_F64 + H_ID] as number;
  }
  user(s: number): number {
    return (this.hotF[s >>> PAGE_BITS] as Float64Array)[
      (s & PAGE_MASK) * HOT_F64 + H_USER
    ] as number;
  }
  price(s: number): number {
    return (this.hotF[s >>> PAGE_BITS] as Float64Array)[
      (s & PAGE_MASK) * HOT_F64 + H_PRICE
    ] as number;
  }
  setPrice(s: number, v: number): void {
    (this.hotF[s >>> PAGE_BITS] as Float64Array)[(s & PAGE_MASK) * HOT_F64 + H_PRICE] = v;
  }
  quantity(s: number): number {
    return (this.hotF[s >>> PAGE_BITS] as Float64Array)[
      (s & PAGE_MASK) * HOT_F64 + H_QUANTITY
    ] as number;
  }
  setQuantity(s: number, v: number): void {
    (this.hotF[s >>> PAGE_BITS] as Float64Array)[(s & PAGE_MASK) * HOT_F64 + H_QUANTITY] = v;
  }
  filled(s: number): number {
    return (this.hotF[s >>> PAGE_BITS] as Float64Array)[
      (s & PAGE_MASK) * HOT_F64 + H_FILLED
    ] as number;
  }
  setFilled(s: number, v: number): void {
    (this.hotF[s >>> PAGE_BITS] as Float64Array)[(s & PAGE_MASK) * HOT_F64 + H_FILLED] = v;
  }
  /** Base quantity still to fill (negative for orders capped by quote only: don't use it there). */
  remaining(s: number): number {
    const f = this.hotF[s >>> PAGE_BITS] as Float64Array;
    const o = (s & PAGE_MASK) * HOT_F64;
    return (f[o + H_QUANTITY] as number) - (f[o + H_FILLED] as number);
  }

  trigger(s: number): number {
    return (this.cold[s >>> PAGE_BITS] as Float64Array)[
      (s & PAGE_MASK) * COLD_F64 + C_TRIGGER
    ] as number;
  }
  setTrigger(s: number, v: number): void {
    (this.cold[s >>> PAGE_BITS] as Float64Array)[(s & PAGE_MASK) * COLD_F64 + C_TRIGGER] = v;
  }
  watermark(s: number): number {
    return (this.cold[s >>> PAGE_BITS] as Float64Array)[
      (s & PAGE_MASK) * COLD_F64 + C_WATERMARK
    ] as number;
  }
  setWatermark(s: number, v: number): void {
    (this.cold[s >>> PAGE_BITS] as Float64Array)[(s & PAGE_MASK) * COLD_F64 + C_WATERMARK] = v;
  }
  quote(s: number): number {
    return (this.cold[s >>> PAGE_BITS] as Float64Array)[
      (s & PAGE_MASK) * COLD_F64 + C_QUOTE
    ] as number;
  }
  setQuote(s: number, v: number): void {
    (this.cold[s >>> PAGE_BITS] as Float64Array)[(s & PAGE_MASK) * COLD_F64 + C_QUOTE] = v;
  }
  seq(s: number): number {
    return (this.cold[s >>> PAGE_BITS] as Float64Array)[
      (s & PAGE_MASK) * COLD_F64 + C_SEQ
    ] as number;
  }

  prev(s: number): number {
    return (this.hotI[s >>> PAGE_BITS] as Int32Array)[(s & PAGE_MASK) * 16 + H_PREV] as number;
  }
  setPrev(s: number, v: number): void {
    (this.hotI[s >>> PAGE_BITS] as Int32Array)[(s & PAGE_MASK) * 16 + H_PREV] = v;
  }
  next(s: number): number {
    return (this.hotI[s >>> PAGE_BITS] as Int32Array)[(s & PAGE_MASK) * 16 + H_NEXT] as number;
  }
  setNext(s: number, v: number): void {
    (this.hotI[s >>> PAGE_BITS] as Int32Array)[(s & PAGE_MASK) * 16 + H_NEXT] = v;
  }
  level(s: number): number {
    return (this.hotI[s >>> PAGE_BITS] as Int32Array)[(s & PAGE_MASK) * 16 + H_LEVEL] as number;
  }
  setLevel(s: number, v: number): void {
    (this.hotI[s >>> PAGE_BITS] as Int32Array)[(s & PAGE_MASK) * 16 + H_LEVEL] = v;
  }
  /** Slot of the OCO partner, or NIL. */
  oco(s: number): number {
    return (this.hotI[s >>> PAGE_BITS] as Int32Array)[(s & PAGE_MASK) * 16 + H_OCO] as number;
  }
  setOco(s: number, v: number): void {
    (this.hotI[s >>> PAGE_BITS] as Int32Array)[(s & PAGE_MASK) * 16 + H_OCO] = v;
  }
  market(s: number): number {
    return (this.hotI[s >>> PAGE_BITS] as Int32Array)[(s & PAGE_MASK) * 16 + H_MARKET] as number;
  }

  side(s: number): number {
    return (this.meta(s) >>> SIDE_SHIFT) & 1;
  }
  type(s: number): number {
    return (this.meta(s) >>> TYPE_SHIFT) & 7;
  }
  tif(s: number): number {
    return (this.meta(s) >>> TIF_SHIFT) & 3;
  }
  stp(s: number): number {
    return (this.meta(s) >>> STP_SHIFT) & 3;
  }
  postOnly(s: number): boolean {
    return (this.meta(s) & POST_ONLY_BIT) !== 0;
  }
  triggered(s: number): boolean {
    return (this.meta(s) & TRIGGERED_BIT) !== 0;
  }
  setTriggered(s: number, v: boolean): void {
    this.setMeta(s, v ? this.meta(s) | TRIGGERED_BIT : this.meta(s) & ~TRIGGERED_BIT);
  }
  status(s: number): number {
    return (this.meta(s) >>> STATUS_SHIFT) & 7;
  }
  setStatus(s: number, v: number): void {
    this.setMeta(s, (this.meta(s) & ~(7 << STATUS_SHIFT)) | (v << STATUS_SHIFT));
  }

  private meta(s: number): number {
    return (this.hotI[s >>> PAGE_BITS] as Int32Array)[(s & PAGE_MASK) * 16 + H_META] as number;
  }
  private setMeta(s: number, v: number): void {
    (this.hotI[s >>> PAGE_BITS] as Int32Array)[(s & PAGE_MASK) * 16 + H_META] = v;
  }

  private hf(s: number): Float64Array {
    return this.hotF[s >>> PAGE_BITS] as Float64Array;
  }
  private hi(s: number): Int32Array {
    return this.hotI[s >>> PAGE_BITS] as Int32Array;
  }
  private cf(s: number): Float64Array {
    return this.cold[s >>> PAGE_BITS] as Float64Array;
  }

  private addPage(): void {
    const hot = new ArrayBuffer(PAGE_SLOTS * HOT_F64 * 8);
    this.hotF.push(new Float64Array(hot));
    this.hotI.push(new Int32Array(hot));
    this.cold.push(new Float64Array(PAGE_SLOTS * COLD_F64));
  }
}
