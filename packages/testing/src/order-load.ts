import type { Client } from "@cryptotrade/api/client";
import type { AcknowledgedOrders } from "./acknowledged-orders";

export interface OrderLoadOptions {
  /** Trade-scoped clients; their index is the owner recorded with each acknowledgement. */
  traders: Client[];
  /** A BTC-USDT-like market: 0.01 tick, 0.0001 lot. */
  symbol: string;
  /** Orders go within ±0.2% of it, so they cross each other and the demo maker's quotes. */
  mid: number;
  /** Calls in flight at once. */
  concurrency: number;
  acknowledged: AcknowledgedOrders;
}

export interface OrderLoadTally {
  /** Answered with an order: placed, or cancelled. */
  acknowledged: number;
  /** Answered with an error (insufficient funds, already filled, ...). */
  refused: number;
  /** No answer: the connection failed or broke, as when the server is killed mid-call. */
  unanswered: number;
}

export interface OrderLoad {
  /** Resolves at the first acknowledgement: the server is taking orders. */
  answered: Promise<void>;
  /** Stops starting calls and resolves once every loop's last call has ended. */
  stop(): Promise<OrderLoadTally>;
}

/**
 * Places and cancels orders from `concurrency` loops until stopped, recording every
 * acknowledged answer. Calls that get no answer are expected: the server is being killed.
 *
 * @example
 * const load = startOrderLoad({ traders, symbol: "BTC-USDT", mid: 65_000, concurrency: 8, acknowledged });
 * const tally = await load.stop();
 */
export function startOrderLoad(options: OrderLoadOptions): OrderLoad {
  const tally: OrderLoadTally = { acknowledged: 0, refused: 0, unanswered: 0 };
  let stopping = false;
  let firstAnswer: () => void = () => {};
  const answered = new Promise<void>((resolve) => {
    firstAnswer = resolve;
  });
  const loop = async () => {
    while (!stopping) {
      const owner = Math.floor(Math.random() * options.traders.length);
      const trader = options.traders[owner];
      if (!trader) continue;
      try {
        const order = await nextCall(trader, owner, options);
        options.acknowledged.record(owner, order);
        tally.acknowledged += 1;
        firstAnswer();
      } catch (error) {
        if (answeredWithError(error)) {
          tally.refused += 1;
        } else {
          tally.unanswered += 1;
          // The server is down: back off instead of spinning on refused connections.
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      }
    }
  };
  const loops = Array.from({ length: options.concurrency }, loop);
  return {
    answered,
    async stop() {
      stopping = true;
      await Promise.all(loops);
      return tally;
    },
  };
}

function nextCall(trader: Client, owner: number, options: OrderLoadOptions) {
  const live = options.acknowledged.liveIdsOf(owner);
  const roll = Math.random();
  const victim = live[Math.floor(Math.random() * live.length)];
  if (roll < 0.2 && victim) return trader.orders.cancel.mutate({ orderId: victim });
  const price = options.mid * (1 + (Math.random() - 0.5) * 0.004);
  const lots = 10 + Math.floor(Math.random() * 40);
  return trader.orders.place.mutate({
    symbol: options.symbol,
    side: Math.random() < 0.5 ? "buy" : "sell",
    type: "limit",
    price: price.toFixed(2),
    quantity: (lots / 10_000).toFixed(4),
    // Some orders take what they can and expire, so every final status shows up.
    timeInForce: roll < 0.3 ? "IOC" : "GTC",
  });
}

/**
 * The server answered (a tRPC error code), as opposed to the call never completing.
 *
 * @example
 * const refused = await trader.orders.cancel.mutate({ orderId }).then(
 *   () => false,
 *   (error: unknown) => answeredWithError(error), // false: the server never answered
 * );
 */
export function answeredWithError(error: unknown): boolean {
  const code = (error as { data?: { code?: unknown } } | null)?.data?.code;
  return typeof code === "string";
}
