import type { Client } from "@cryptotrade/api/client";

interface DriverStats {
  placed: number;
  cancelled: number;
  /** Ticks skipped because the previous order was still in flight. */
  skipped: number;
  failed: number;
  firstError: string | undefined;
}

export interface BookDriver {
  stop(): Promise<DriverStats>;
}

// Bids below 99 and asks above 101 never cross, so every command changes exactly one level
// of the book and no trades (or price bands) get involved.
const SLOTS = 50;
const QUANTITY = "0.10";
const MAX_IN_FLIGHT = 8;

function priceOf(slot: number): { side: "buy" | "sell"; price: string } {
  const step = Math.floor(slot / 2) * 0.01;
  return slot % 2 === 0
    ? { side: "buy", price: (99 - step).toFixed(3) }
    : { side: "sell", price: (101 + step).toFixed(3) };
}

/**
 * Rests `depth` orders on the book, so the book has levels to change and the snapshot every
 * subscriber gets first has a realistic size.
 */
export async function primeBook(trader: Client, symbol: string, depth: number): Promise<string[]> {
  const open: string[] = [];
  for (let slot = 0; slot < depth; slot++) {
    const order = await trader.orders.place.mutate({
      symbol,
      type: "limit",
      quantity: QUANTITY,
      postOnly: true,
      ...priceOf(slot),
    });
    open.push(order.id);
  }
  return open;
}

/**
 * Changes the book `ratePerSecond` times a second through the public API, alternating a new
 * resting limit order with the cancel of the oldest one; each command changes one level.
 * Commands go out on schedule without waiting for the previous one, because an order's round
 * trip (HTTP, the sequencer's commit) can exceed the period. Commands that reach the sequencer
 * during one commit share the next batch and so one diff: the subscribers count the diffs
 * they actually get. Past `MAX_IN_FLIGHT` a tick is skipped and counted, never queued, so an
 * overloaded server shows up as a lower rate rather than a growing backlog.
 *
 * @example
 * const driver = startBookDriver(trader, { symbol: "SOL-USDT", ratePerSecond: 20, open });
 * const stats = await driver.stop();
 */
export function startBookDriver(
  trader: Client,
  options: { symbol: string; ratePerSecond: number; open: string[] },
): BookDriver {
  const stats: DriverStats = {
    placed: 0,
    cancelled: 0,
    skipped: 0,
    failed: 0,
    firstError: undefined,
  };
  const open = options.open;
  const periodMs = 1000 / options.ratePerSecond;
  const startedAt = performance.now();
  const inFlight = new Set<Promise<void>>();
  let tick = 0;
  let slot = open.length;
  let timer: NodeJS.Timeout | undefined;

  const command = async (place: boolean) => {
    try {
      // Taken off the list before the call, so two cancels never aim at the same order.
      const oldest = place ? undefined : open.shift();
      if (oldest !== undefined) {
        await trader.orders.cancel.mutate({ orderId: oldest });
        stats.cancelled += 1;
        return;
      }
      slot = (slot + 1) % SLOTS;
      const order = await trader.orders.place.mutate({
        symbol: options.symbol,
        type: "limit",
        quantity: QUANTITY,
        postOnly: true,
        ...priceOf(slot),
      });
      open.push(order.id);
      stats.placed += 1;
    } catch (error) {
      stats.failed += 1;
      stats.firstError ??= error instanceof Error ? error.message : String(error);
    }
  };

  const schedule = () => {
    tick += 1;
    // Aimed at the start time plus whole periods, so timer lateness does not accumulate.
    const due = startedAt + tick * periodMs;
    timer = setTimeout(onTick, Math.max(0, due - performance.now()));
  };
  const onTick = () => {
    if (inFlight.size >= MAX_IN_FLIGHT) {
      stats.skipped += 1;
    } else {
      const sent = command(tick % 2 === 0).finally(() => inFlight.delete(sent));
      inFlight.add(sent);
    }
    schedule();
  };
  schedule();

  return {
    async stop() {
      clearTimeout(timer);
      await Promise.all(inFlight);
      return stats;
    },
  };
}
