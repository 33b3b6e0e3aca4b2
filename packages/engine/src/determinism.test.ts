import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BAND_BPS, commandStream, MARKETS } from "./command-arbitraries.test-helper";
import { MatchingEngine } from "./engine";
import type { Command, OrderView, RestoredOrder } from "./types";

function freshEngine(): MatchingEngine {
  const engine = new MatchingEngine({ expectedOrders: 8 });
  engine.addMarket({ symbol: MARKETS[0] });
  engine.addMarket({ symbol: MARKETS[1], priceBandBps: BAND_BPS });
  return engine;
}

function toRestored(view: OrderView): RestoredOrder {
  if (view.type === "market") throw new Error("market orders never stay live");
  const { status: _status, remaining: _remaining, ...rest } = view;
  return { ...rest, type: view.type };
}

/**
 * Runs the commands and returns the live orders in queue-priority order, the way an
 * exchange would persist them: an order's priority is renewed when it is accepted, when it
 * triggers, and when an amend loses its place.
 */
function runTrackingPriority(engine: MatchingEngine, commands: Command[]): number[] {
  const priority = new Map<number, number>();
  let clock = 0;
  for (const command of commands) {
    const events = engine.execute(command);
    engine.validateInternalState();
    for (const event of events) {
      const renewed =
        event.type === "accepted" ||
        event.type === "stopTriggered" ||
        (event.type === "amended" && !event.priorityKept);
      if (renewed) priority.set(event.orderId, clock++);
    }
  }
  return [...priority.keys()]
    .filter((id) => engine.getOrder(id) !== undefined)
    .sort((a, b) => (priority.get(a) ?? 0) - (priority.get(b) ?? 0));
}

describe("determinism", () => {
  it("gives the same events and the same stateHash when the same commands are replayed", () => {
    fc.assert(
      fc.property(commandStream, (commands) => {
        const first = freshEngine();
        const second = freshEngine();
        for (const command of commands) {
          expect(second.execute(command)).toEqual(first.execute(command));
          first.validateInternalState();
          second.validateInternalState();
        }
        expect(second.stateHash()).toBe(first.stateHash());
      }),
      { numRuns: 40 },
    );
  });

  it("rebuilds the same state, hash included, from the live orders and market states", () => {
    fc.assert(
      fc.property(commandStream, (commands) => {
        const live = freshEngine();
        const order = runTrackingPriority(live, commands);
        const restored = freshEngine();
        for (const id of order) {
          const view = live.getOrder(id);
          if (view !== undefined) restored.restoreOrder(toRestored(view));
          restored.validateInternalState();
        }
        for (const market of MARKETS) {
          const lastPrice = live.lastPrice(market);
          const { sequence } = live.orderBook(market, 0);
          restored.restoreMarketState(
            market,
            lastPrice === undefined ? { sequence } : { lastPrice, sequence },
          );
        }
        expect(restored.stateHash()).toBe(live.stateHash());
      }),
      { numRuns: 40 },
    );
  });

  it("changes the stateHash when any live state changes", () => {
    const engine = freshEngine();
    const hashes = new Set([engine.stateHash()]);
    const steps: Command[] = [
      {
        kind: "place",
        market: "A",
        orderId: 1,
        userId: 1,
        side: "buy",
        type: "limit",
        price: 100,
        quantity: 2,
      },
      { kind: "amend", market: "A", orderId: 1, quantity: 1 },
      {
        kind: "place",
        market: "A",
        orderId: 2,
        userId: 2,
        side: "sell",
        type: "limit",
        price: 100,
        quantity: 1,
      },
      {
        kind: "place",
        market: "B",
        orderId: 3,
        userId: 2,
        side: "sell",
        type: "stop_market",
        stopPrice: 90,
        quantity: 1,
      },
    ];
    for (const step of steps) {
      engine.execute(step);
      hashes.add(engine.stateHash());
    }
    expect(hashes.size).toBe(steps.length + 1);
  });
});
