import { MatchingEngine } from "./engine";
import type { EngineEvent } from "./events";
import type { AmendCommand, PlaceCommand } from "./types";

/* Shared set-up for the spec files: one market "BTC", terse command builders. */

export const MARKET = "BTC";

export function newEngine(priceBandBps?: number): MatchingEngine {
  const engine = new MatchingEngine();
  engine.addMarket(
    priceBandBps === undefined ? { symbol: MARKET } : { symbol: MARKET, priceBandBps },
  );
  return engine;
}

type PlaceFields = Omit<PlaceCommand, "kind" | "market" | "userId"> & { userId?: number };

export function place(engine: MatchingEngine, fields: PlaceFields): EngineEvent[] {
  return engine.execute({ kind: "place", market: MARKET, userId: 1, ...fields });
}

/** A resting GTC limit order that is not expected to trade. */
export function rest(
  engine: MatchingEngine,
  orderId: number,
  side: "buy" | "sell",
  price: number,
  quantity: number,
  userId = 1,
): EngineEvent[] {
  return place(engine, { orderId, userId, side, type: "limit", price, quantity });
}

export function cancel(engine: MatchingEngine, orderId: number): EngineEvent[] {
  return engine.execute({ kind: "cancel", market: MARKET, orderId });
}

export function amend(
  engine: MatchingEngine,
  orderId: number,
  change: Omit<AmendCommand, "kind" | "market" | "orderId">,
): EngineEvent[] {
  return engine.execute({ kind: "amend", market: MARKET, orderId, ...change });
}

/** Makes a trade at `price` between two throwaway users, setting the last price. */
export function printTrade(engine: MatchingEngine, price: number, firstId: number): EngineEvent[] {
  rest(engine, firstId, "sell", price, 1, 900);
  return place(engine, {
    orderId: firstId + 1,
    userId: 901,
    side: "buy",
    type: "market",
    quantity: 1,
  });
}

/** The trades of `events` as [maker, taker, price, quantity]. */
export function trades(events: EngineEvent[]): [number, number, number, number][] {
  const out: [number, number, number, number][] = [];
  for (const e of events) {
    if (e.type === "trade") out.push([e.makerOrderId, e.takerOrderId, e.price, e.quantity]);
  }
  return out;
}

export function doneOf(events: EngineEvent[], orderId: number) {
  return events.find((e) => e.type === "orderDone" && e.orderId === orderId);
}

export function types(events: EngineEvent[]): string[] {
  return events.map((e) => e.type);
}

/** Ids of the orders that triggered, in order. */
export function triggeredIds(events: EngineEvent[]): number[] {
  return events.flatMap((e) => (e.type === "stopTriggered" ? [e.orderId] : []));
}
