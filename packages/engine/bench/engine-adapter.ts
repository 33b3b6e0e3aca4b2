import {
  type AmendCommand,
  type CancelCommand,
  type Command,
  MatchingEngine,
  type PlaceCommand,
} from "../src/index";
import { AMEND, CANCEL, type Columns, LIMIT, type Runner } from "./stream";

export const BENCH_MARKET = "BENCH";

/**
 * Builds the engine command for op `i` of `ops`.
 *
 * @example
 * engine.execute(toCommand(stream.ops, 0));
 */
export function toCommand(ops: Columns, i: number): Command {
  const kind = ops.kind[i];
  const orderId = ops.id[i] ?? 0;
  if (kind === CANCEL) return { kind: "cancel", market: BENCH_MARKET, orderId };
  if (kind === AMEND) {
    return {
      kind: "amend",
      market: BENCH_MARKET,
      orderId,
      price: ops.price[i] ?? 0,
      quantity: ops.quantity[i] ?? 0,
    };
  }
  const side = ops.side[i] === 1 ? "sell" : "buy";
  const userId = ops.user[i] ?? 0;
  const quantity = ops.quantity[i] ?? 0;
  if (kind === LIMIT) {
    return {
      kind: "place",
      market: BENCH_MARKET,
      orderId,
      userId,
      side,
      type: "limit",
      price: ops.price[i] ?? 0,
      quantity,
      timeInForce: ops.ioc[i] === 1 ? "IOC" : "GTC",
    };
  }
  return { kind: "place", market: BENCH_MARKET, orderId, userId, side, type: "market", quantity };
}

export function newBenchEngine(): MatchingEngine {
  const engine = new MatchingEngine();
  engine.addMarket({ symbol: BENCH_MARKET });
  return engine;
}

/**
 * The engine as a bench runner. The timed step refills one reusable command object per kind
 * from the columns (the engine copies what it needs and keeps no reference), so the clock
 * measures the engine rather than the harness; nodejs-order-book's adapter does the same.
 */
export function engineRunner(prefill: Columns, ops: Columns): Runner {
  return {
    name: "@cryptotrade/engine",
    start() {
      const engine = newBenchEngine();
      for (let i = 0; i < prefill.length; i++) engine.execute(toCommand(prefill, i));
      const limit: PlaceCommand = {
        kind: "place",
        market: BENCH_MARKET,
        orderId: 0,
        userId: 0,
        side: "buy",
        type: "limit",
        price: 0,
        quantity: 0,
        timeInForce: "GTC",
      };
      const market: PlaceCommand = {
        kind: "place",
        market: BENCH_MARKET,
        orderId: 0,
        userId: 0,
        side: "buy",
        type: "market",
        quantity: 0,
      };
      const cancel: CancelCommand = { kind: "cancel", market: BENCH_MARKET, orderId: 0 };
      const amend: AmendCommand = {
        kind: "amend",
        market: BENCH_MARKET,
        orderId: 0,
        price: 0,
        quantity: 0,
      };
      return {
        instance: engine,
        step: (i: number): void => {
          const kind = ops.kind[i];
          if (kind === CANCEL) {
            cancel.orderId = ops.id[i] ?? 0;
            engine.execute(cancel);
          } else if (kind === AMEND) {
            amend.orderId = ops.id[i] ?? 0;
            amend.price = ops.price[i] ?? 0;
            amend.quantity = ops.quantity[i] ?? 0;
            engine.execute(amend);
          } else {
            const command = kind === LIMIT ? limit : market;
            command.orderId = ops.id[i] ?? 0;
            command.userId = ops.user[i] ?? 0;
            command.side = ops.side[i] === 1 ? "sell" : "buy";
            command.quantity = ops.quantity[i] ?? 0;
            if (kind === LIMIT) {
              limit.price = ops.price[i] ?? 0;
              limit.timeInForce = ops.ioc[i] === 1 ? "IOC" : "GTC";
            }
            engine.execute(command);
          }
        },
      };
    },
  };
}
