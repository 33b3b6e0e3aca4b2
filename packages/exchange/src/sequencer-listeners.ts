import type { Logger } from "pino";
import type { ExchangeEvent, ExchangeListener } from "./events";
import type { BatchWrites } from "./persistence";

/** Who hears of committed batches; one listener failing never keeps the others from hearing. */
export class SequencerListeners {
  private readonly listeners = new Set<ExchangeListener>();

  constructor(private readonly log: Logger) {}

  add(listener: ExchangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** A committed batch's events, then its orders' and balances' new states. */
  publish(writes: BatchWrites): void {
    const events: ExchangeEvent[] = [...writes.batch.events];
    for (const order of writes.batch.orders.values()) {
      events.push({
        type: "order",
        userId: order.userId,
        order: { ...order },
        triggered: writes.batch.triggered.has(order.id),
      });
    }
    for (const { userId, asset, available, locked } of writes.balances) {
      events.push({ type: "balance", userId, asset, balance: { available, locked } });
    }
    this.emit(events);
  }

  emit(events: ExchangeEvent[]): void {
    if (events.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(events);
      } catch (error) {
        this.log.error({ err: error }, "exchange listener failed");
      }
    }
  }
}
