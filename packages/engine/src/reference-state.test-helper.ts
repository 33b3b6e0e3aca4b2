import type { DoneReason, DoneStatus, EngineEvent, ResultCode } from "./events";
import type { OrderType, OrderView, Side, StpMode, TimeInForce } from "./types";

/*
 * State and lifecycle of the reference book used by the property tests (see
 * reference-book.test-helper.ts): plain objects, books as id arrays in priority order,
 * level totals recomputed by summing. It shares no code with the engine.
 */

export interface RefOrder {
  id: number;
  user: number;
  market: string;
  side: Side;
  type: OrderType;
  price: number;
  stopPrice: number;
  delta: number;
  watermark: number;
  quantity: number;
  quote: number;
  filled: number;
  tif: TimeInForce;
  postOnly: boolean;
  stp: StpMode;
  oco: number;
  seq: number;
  status: "open" | "untriggered" | "pending" | "active" | "done";
  triggered: boolean;
}

export interface RefMarket {
  symbol: string;
  band: number;
  last: number;
  sequence: number;
  bids: number[];
  asks: number[];
  /** Untriggered ids in acceptance order. */
  stops: number[];
}

export interface RefState {
  markets: Map<string, RefMarket>;
  orders: Map<number, RefOrder>;
  pending: { id: number; price: number }[];
  seq: number;
}

export const SAFE = Number.MAX_SAFE_INTEGER;
export const isPos = (v: unknown): v is number =>
  typeof v === "number" && Number.isSafeInteger(v) && v > 0;
export const limitPriced = (t: OrderType) =>
  t === "limit" || t === "stop_limit" || t === "take_profit_limit";
export const stopPriced = (t: OrderType) =>
  t === "stop_limit" ||
  t === "stop_market" ||
  t === "take_profit_limit" ||
  t === "take_profit_market";
export const marketLike = (t: OrderType) =>
  t === "market" || t === "stop_market" || t === "trailing_stop" || t === "take_profit_market";
export const TYPES: OrderType[] = [
  "limit",
  "market",
  "stop_limit",
  "stop_market",
  "take_profit_limit",
  "trailing_stop",
  "take_profit_market",
];

/** Queries, lifecycle steps and event helpers shared by the reference's commands. */
export class ReferenceState {
  s: RefState = { markets: new Map(), orders: new Map(), pending: [], seq: 1 };
  events: EngineEvent[] = [];

  levels(symbol: string, side: Side): [number, number][] {
    const m = this.mk(symbol);
    const out: [number, number][] = [];
    for (const id of side === "buy" ? m.bids : m.asks) {
      const o = this.o(id);
      const last = out[out.length - 1];
      if (last !== undefined && last[0] === o.price) last[1] += o.quantity - o.filled;
      else out.push([o.price, o.quantity - o.filled]);
    }
    return out;
  }
  sequence(symbol: string): number {
    return this.mk(symbol).sequence;
  }
  lastPrice(symbol: string): number | undefined {
    const last = this.mk(symbol).last;
    return last === 0 ? undefined : last;
  }
  liveIds(): number[] {
    return [...this.s.orders.keys()];
  }
  view(id: number): OrderView | undefined {
    const o = this.s.orders.get(id);
    if (o === undefined) return undefined;
    const v: OrderView = {
      orderId: o.id,
      market: o.market,
      userId: o.user,
      side: o.side,
      type: o.type,
      status: o.status === "open" ? "open" : "untriggered",
      triggered: o.triggered,
      filled: o.filled,
      remaining: o.quantity === 0 ? 0 : o.quantity - o.filled,
      timeInForce: o.tif,
      postOnly: o.postOnly,
      stp: o.stp,
    };
    if (limitPriced(o.type)) v.price = o.price;
    if (stopPriced(o.type)) v.stopPrice = o.stopPrice;
    if (o.type === "trailing_stop") {
      v.trailingDelta = o.delta;
      v.watermark = o.watermark;
    }
    if (o.quantity > 0) v.quantity = o.quantity;
    if (o.quote > 0) v.quoteQuantity = o.quote;
    if (o.oco !== 0) v.ocoWith = o.oco;
    return v;
  }
  // ---- rules -------------------------------------------------------------------------

  inBand(m: RefMarket, price: number): boolean {
    if (m.band === 0 || m.last === 0) return true;
    return Math.abs(price - m.last) * 10_000 <= m.last * m.band;
  }
  fires(type: OrderType, side: Side, stop: number, last: number): boolean {
    const onRise =
      type === "stop_limit" || type === "stop_market" ? side === "buy" : side === "sell";
    return onRise ? last >= stop : last <= stop;
  }
  crosses(symbol: string, side: Side, price: number): boolean {
    const m = this.mk(symbol);
    const head = (side === "buy" ? m.asks : m.bids)[0];
    if (head === undefined) return false;
    const best = this.o(head).price;
    return side === "buy" ? best <= price : best >= price;
  }
  // ---- lifecycle -----------------------------------------------------------------------

  rest(id: number): void {
    const o = this.o(id);
    const m = this.mk(o.market);
    const book = o.side === "buy" ? m.bids : m.asks;
    const behind = (other: RefOrder) =>
      o.side === "buy" ? other.price < o.price : other.price > o.price;
    let at = book.findIndex((x) => behind(this.o(x)));
    if (at < 0) at = book.length;
    book.splice(at, 0, id);
    o.status = "open";
    this.levelEvent(o.market, o.side, o.price);
  }
  unbook(o: RefOrder): void {
    const m = this.mk(o.market);
    if (o.side === "buy") m.bids = m.bids.filter((x) => x !== o.id);
    else m.asks = m.asks.filter((x) => x !== o.id);
  }
  cancelLive(id: number, reason: DoneReason): void {
    const o = this.o(id);
    const m = this.mk(o.market);
    if (o.status === "open") {
      this.unbook(o);
      this.done(o, "cancelled", reason);
      this.levelEvent(o.market, o.side, o.price);
    } else {
      m.stops = m.stops.filter((x) => x !== id);
      this.done(o, "cancelled", reason);
    }
    this.cancelPartner(id);
    this.forget(o);
  }
  cancelPartner(id: number): void {
    const o = this.o(id);
    if (o.oco === 0) return;
    const partner = this.o(o.oco);
    o.oco = 0;
    partner.oco = 0;
    this.cancelLive(partner.id, "oco");
  }
  end(id: number, status: DoneStatus, reason: DoneReason): void {
    const o = this.o(id);
    this.done(o, status, reason);
    this.cancelPartner(id);
    this.forget(o);
  }
  forget(o: RefOrder): void {
    o.status = "done";
    this.s.orders.delete(o.id);
  }
  // ---- events --------------------------------------------------------------------------

  reject(market: string, orderId: number, code: ResultCode): void {
    this.events.push({ type: "rejected", market, orderId, code });
  }
  done(o: RefOrder, status: DoneStatus, reason: DoneReason): void {
    this.events.push({
      type: "orderDone",
      market: o.market,
      orderId: o.id,
      userId: o.user,
      filled: o.filled,
      remaining: o.quantity === 0 ? 0 : o.quantity - o.filled,
      status,
      reason,
    });
  }
  updated(o: RefOrder): void {
    this.events.push({
      type: "orderUpdated",
      market: o.market,
      orderId: o.id,
      userId: o.user,
      filled: o.filled,
      remaining: o.quantity - o.filled,
    });
  }
  levelEvent(symbol: string, side: Side, price: number): void {
    const m = this.mk(symbol);
    const level = this.levels(symbol, side).find(([p]) => p === price);
    this.events.push({
      type: "bookLevel",
      market: symbol,
      side,
      price,
      quantity: level?.[1] ?? 0,
      sequence: ++m.sequence,
    });
  }
  o(id: number): RefOrder {
    const o = this.s.orders.get(id);
    if (o === undefined) throw new Error(`reference: no order ${id}`);
    return o;
  }
  mk(symbol: string): RefMarket {
    const m = this.s.markets.get(symbol);
    if (m === undefined) throw new Error(`reference: no market ${symbol}`);
    return m;
  }
}
