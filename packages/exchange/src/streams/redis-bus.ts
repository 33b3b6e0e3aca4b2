import type { Redis } from "ioredis";
import superjson from "superjson";
import type { BusHandler, EventBus } from "./bus";
import type { StreamMessage } from "./messages";

/**
 * Redis pub/sub between server processes. Publishing and subscribing need separate
 * connections (a subscribed Redis connection can do nothing else), so it duplicates the one
 * it is given for subscribing.
 *
 * @example
 * const bus = new RedisBus(new Redis(url), "cryptotrade");
 */
export class RedisBus<M = StreamMessage> implements EventBus<M> {
  private readonly subscriber: Redis;
  private readonly handlers = new Map<string, Set<BusHandler<M>>>();

  constructor(
    private readonly publisher: Redis,
    private readonly prefix: string,
  ) {
    // No ready check: its INFO command is refused once the connection is subscribing, which
    // happens when the first subscribe is queued before the connection is up.
    this.subscriber = publisher.duplicate({ enableReadyCheck: false });
    // Connection trouble is retried by ioredis; subscribers notice gaps and resync.
    this.subscriber.on("error", () => {});
    this.subscriber.on("messageBuffer", (channel: Buffer, payload: Buffer) => {
      const handlers = this.handlers.get(channel.toString().slice(this.prefix.length + 1));
      if (!handlers) return;
      const message = superjson.parse<M>(payload.toString());
      for (const handler of handlers) handler(message);
    });
  }

  publish(channel: string, message: M): void {
    void this.publisher.publish(this.key(channel), superjson.stringify(message)).catch(() => {
      // Subscribers detect the gap by sequence or id and resync.
    });
  }

  subscribe(channel: string, handler: BusHandler<M>): () => void {
    let handlers = this.handlers.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.handlers.set(channel, handlers);
      // A failed subscribe shows up as missing messages, which subscribers detect and resync.
      this.subscriber.subscribe(this.key(channel)).catch(() => {});
    }
    handlers.add(handler);
    return () => {
      handlers.delete(handler);
      if (handlers.size > 0) return;
      this.handlers.delete(channel);
      this.subscriber.unsubscribe(this.key(channel)).catch(() => {});
    };
  }

  async close(): Promise<void> {
    this.handlers.clear();
    await this.subscriber.quit().catch(() => undefined);
  }

  private key(channel: string): string {
    return `${this.prefix}:${channel}`;
  }
}
