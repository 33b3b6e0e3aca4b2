import type { StreamMessage } from "./messages";

export type BusHandler<M = StreamMessage> = (message: M) => void;

/**
 * Carries stream messages from the process that runs the sequencer to every process that
 * serves subscribers. Delivery is in publish order per channel.
 */
export interface EventBus<M = StreamMessage> {
  publish(channel: string, message: M): void;
  subscribe(channel: string, handler: BusHandler<M>): () => void;
  close(): Promise<void>;
}

/**
 * The embedded bus: one process, delivery on a microtask so publishers never run
 * subscriber code inside the sequencer's loop.
 *
 * @example
 * const bus = new InProcessBus();
 * const stop = bus.subscribe("trades:BTC-USDT", (message) => console.log(message));
 */
export class InProcessBus<M = StreamMessage> implements EventBus<M> {
  private readonly handlers = new Map<string, Set<BusHandler<M>>>();

  publish(channel: string, message: M): void {
    const handlers = this.handlers.get(channel);
    if (!handlers || handlers.size === 0) return;
    queueMicrotask(() => {
      for (const handler of handlers) handler(message);
    });
  }

  subscribe(channel: string, handler: BusHandler<M>): () => void {
    let handlers = this.handlers.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.handlers.set(channel, handlers);
    }
    handlers.add(handler);
    return () => {
      handlers.delete(handler);
      if (handlers.size === 0) this.handlers.delete(channel);
    };
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}
