import type { EngineEvent } from "./events";
import {
  isPos,
  limitPriced,
  marketLike,
  ReferenceState,
  type RefMarket,
  type RefOrder,
  SAFE,
} from "./reference-state.test-helper";
import { checkAmend, checkPlace } from "./reference-validation.test-helper";
import type { AmendCommand, CancelCommand, Command, PlaceCommand } from "./types";

/*
 * A deliberately naive model of the engine's contract, used only by the property tests:
 * books are arrays kept in priority order, every level total is recomputed by summing, and
 * FOK is decided by running the order and rolling the whole state back when it did not fill.
 * It shares no code with the engine, so agreement on every event means something.
 */

export class ReferenceBook extends ReferenceState {
  addMarket(symbol: string, band = 0): void {
    this.s.markets.set(symbol, {
      symbol,
      band,
      last: 0,
      sequence: 0,
      bids: [],
      asks: [],
      stops: [],
    });
  }
  execute(cmd: Command): EngineEvent[] {
    this.events = [];
    if (cmd.kind === "place") this.place(cmd);
    else if (cmd.kind === "cancel") this.cancel(cmd);
    else this.amend(cmd);
    return this.events;
  }
  // ---- commands ------------------------------------------------------------------------

  private place(c: PlaceCommand): void {
    const code = checkPlace(this, c);
    if (code !== null) {
      this.reject(c.market, c.orderId, code);
      return;
    }
    const m = this.mk(c.market);
    const o: RefOrder = {
      id: c.orderId,
      user: c.userId,
      market: c.market,
      side: c.side,
      type: c.type,
      price: c.price ?? 0,
      stopPrice: c.stopPrice ?? 0,
      delta: c.trailingDelta ?? 0,
      watermark: c.type === "trailing_stop" ? m.last : 0,
      quantity: c.quantity ?? 0,
      quote: c.quoteQuantity ?? 0,
      filled: 0,
      tif: marketLike(c.type) ? "IOC" : (c.timeInForce ?? "GTC"),
      postOnly: c.postOnly === true,
      stp: c.stp ?? "cancel_newest",
      oco: c.ocoWith ?? 0,
      seq: this.s.seq++,
      status: "active",
      triggered: false,
    };
    this.s.orders.set(o.id, o);
    if (c.ocoWith !== undefined) this.o(c.ocoWith).oco = o.id;
    const untriggered = c.type !== "limit" && c.type !== "market";
    this.events.push({
      type: "accepted",
      market: m.symbol,
      orderId: o.id,
      userId: o.user,
      status: untriggered ? "untriggered" : "open",
    });
    if (untriggered) {
      o.status = "untriggered";
      m.stops.push(o.id);
    } else if (o.postOnly) {
      this.rest(o.id);
    } else {
      this.takeAndDrain(o.id);
    }
  }
  private cancel(c: CancelCommand): void {
    const m = this.s.markets.get(c.market);
    if (m === undefined) {
      this.reject(c.market, c.orderId, "UNKNOWN_MARKET");
      return;
    }
    if (!isPos(c.orderId)) {
      this.reject(c.market, c.orderId, "INVALID_ORDER_ID");
      return;
    }
    const o = this.s.orders.get(c.orderId);
    if (o === undefined || o.market !== c.market) {
      this.reject(c.market, c.orderId, "UNKNOWN_ORDER");
      return;
    }
    this.cancelLive(o.id, "user");
  }
  private amend(c: AmendCommand): void {
    const code = checkAmend(this, c);
    if (code !== null) {
      this.reject(c.market, c.orderId, code);
      return;
    }
    const o = this.o(c.orderId);
    const price = c.price ?? o.price;
    const quantity = c.quantity ?? o.quantity;
    const oldRemaining = o.quantity - o.filled;
    const remaining = quantity - o.filled;
    const kept = price === o.price && remaining <= oldRemaining;
    this.events.push({
      type: "amended",
      market: o.market,
      orderId: o.id,
      userId: o.user,
      price,
      quantity,
      remaining,
      priorityKept: kept,
    });
    const oldPrice = o.price;
    o.quantity = quantity;
    if (kept) {
      if (remaining !== oldRemaining) this.levelEvent(o.market, o.side, price);
      return;
    }
    this.unbook(o);
    if (price === oldPrice) {
      this.rest(o.id);
      return;
    }
    this.levelEvent(o.market, o.side, oldPrice);
    o.price = price;
    if (this.crosses(o.market, o.side, price)) this.takeAndDrain(o.id);
    else this.rest(o.id);
  }
  // ---- matching ------------------------------------------------------------------------

  private takeAndDrain(id: number): void {
    const symbol = this.o(id).market;
    this.take(id);
    while (this.s.pending.length > 0) {
      const next = this.s.pending.shift();
      if (next === undefined) break;
      const o = this.s.orders.get(next.id);
      if (o === undefined || o.status !== "pending") continue;
      o.status = "active";
      o.triggered = true;
      this.events.push({
        type: "stopTriggered",
        market: symbol,
        orderId: o.id,
        userId: o.user,
        lastPrice: next.price,
      });
      this.cancelPartner(o.id);
      this.take(o.id);
    }
  }
  private take(id: number): void {
    const t = this.o(id);
    t.status = "active";
    if (t.tif !== "FOK") {
      this.match(id);
      return;
    }
    const saved = structuredClone(this.s);
    const savedEvents = this.events.length;
    const quantity = t.quantity;
    const filledAll = this.match(id) === quantity;
    if (filledAll) return;
    this.s = saved;
    this.events.length = savedEvents;
    this.end(id, "expired", "fok");
  }
  private match(id: number): number {
    const t = this.o(id);
    const m = this.mk(t.market);
    let quoteLeft = t.quote;
    let quoteStopped = false;
    let traded = false;
    while (t.quantity === 0 || t.filled < t.quantity) {
      // Books are rebuilt by filter on removal, so read the side afresh each time.
      const makerId = (t.side === "buy" ? m.asks : m.bids)[0];
      if (makerId === undefined) break;
      const mk = this.o(makerId);
      if (limitPriced(t.type) && (t.side === "buy" ? mk.price > t.price : mk.price < t.price)) {
        break;
      }
      let lots = t.quantity === 0 ? SAFE : t.quantity - t.filled;
      if (t.quote > 0) {
        const affordable = Math.floor(quoteLeft / mk.price);
        if (affordable === 0) {
          quoteStopped = true;
          break;
        }
        lots = Math.min(lots, affordable);
      }
      if (mk.user === t.user) {
        if (t.stp !== "cancel_newest") this.cancelLive(mk.id, "self_trade");
        if (t.stp === "cancel_oldest") continue;
        const filled = t.filled;
        this.end(id, "cancelled", "self_trade");
        return filled;
      }
      const q = Math.min(lots, mk.quantity - mk.filled);
      this.events.push({
        type: "trade",
        market: m.symbol,
        price: mk.price,
        quantity: q,
        makerOrderId: mk.id,
        takerOrderId: t.id,
        makerUserId: mk.user,
        takerUserId: t.user,
        aggressorSide: t.side,
      });
      mk.filled += q;
      if (mk.filled === mk.quantity) {
        this.unbook(mk);
        this.done(mk, "filled", "filled");
        this.levelEvent(m.symbol, mk.side, mk.price);
        this.cancelPartner(mk.id);
        this.forget(mk);
      } else {
        this.updated(mk);
        this.levelEvent(m.symbol, mk.side, mk.price);
        this.cancelPartner(mk.id);
      }
      t.filled += q;
      quoteLeft -= q * mk.price;
      traded = true;
      this.cancelPartner(t.id);
      this.afterTrade(m, mk.price);
    }
    const filled = t.filled;
    if (t.quantity > 0 && t.filled === t.quantity) this.end(id, "filled", "filled");
    else if (marketLike(t.type))
      this.end(id, "expired", quoteStopped ? "quote_budget" : "no_liquidity");
    else if (t.tif === "IOC" || t.tif === "FOK")
      this.end(id, "expired", t.tif === "IOC" ? "ioc" : "fok");
    else {
      if (traded) this.updated(t);
      this.rest(id);
    }
    return filled;
  }
  private afterTrade(m: RefMarket, price: number): void {
    m.last = price;
    const fired: RefOrder[] = [];
    for (const id of [...m.stops]) {
      const o = this.o(id);
      if (o.type !== "trailing_stop") continue;
      const moved = o.side === "sell" ? price > o.watermark : price < o.watermark;
      if (moved) {
        o.watermark = price;
        this.events.push({
          type: "trailingMoved",
          market: m.symbol,
          orderId: o.id,
          userId: o.user,
          watermark: price,
        });
      } else if (
        o.side === "sell" ? price <= o.watermark - o.delta : price >= o.watermark + o.delta
      ) {
        fired.push(o);
      }
    }
    for (const id of m.stops) {
      const o = this.o(id);
      if (o.type !== "trailing_stop" && this.fires(o.type, o.side, o.stopPrice, price))
        fired.push(o);
    }
    fired.sort((a, b) => a.seq - b.seq);
    for (const o of fired) {
      m.stops = m.stops.filter((x) => x !== o.id);
      o.status = "pending";
      this.s.pending.push({ id: o.id, price });
    }
  }
}
