import type { Redis } from "ioredis";
import type { Logger } from "pino";
import superjson from "superjson";
import type { BusHandler, EventBus } from "./bus";
import type { StreamMessage } from "./messages";

export interface RedisBusOptions {
  /** Where connection trouble and failed publishes are reported. */
  log?: Logger;
  /**
   * Called when the subscribing connection drops ("lost": messages published meanwhile never
   * arrive) and when it is back ("restored"), so subscribers can be told to resync.
   */
  onConnection?: (state: "lost" | "restored") => void;
}

/**
 * Redis pub/sub between server processes. Publishing and subscribing need separate
 * connections (a subscribed Redis connection can do nothing else), so it duplicates the one
 * it is given for subscribing. Pub/sub has no memory: what is published while the connection
 * is down is gone, which `onConnection` makes visible.
 *
 * @example
 * const bus = new RedisBus(new Redis(url), "cryptotrade", { log });
 */
export class RedisBus<M = StreamMessage> implements EventBus<M> {
  private readonly subscriber: Redis;
  private readonly handlers = new Map<string, Set<BusHandler<M>>>();
  private connected = false;
  private everConnected = false;

  constructor(
    private readonly publisher: Redis,
    private readonly prefix: string,
    private readonly options: RedisBusOptions = {},
  ) {
    // No ready check: its INFO command is refused once the connection is subscribing, which
    // happens when the first subscribe is queued before the connection is up.
    this.subscriber = publisher.duplicate({ enableReadyCheck: false });
    // ioredis reconnects and resubscribes by itself; the outage is reported, not swallowed.
    this.subscriber.on("error", (error: Error) =>
      options.log?.warn({ err: error, bus: prefix }, "redis bus connection error"),
    );
    this.subscriber.on("ready", () => {
      const wasLost = !this.connected && this.everConnected;
      this.connected = true;
      this.everConnected = true;
      if (wasLost) {
        options.log?.warn({ bus: prefix }, "redis bus connection restored");
        options.onConnection?.("restored");
      }
    });
    this.subscriber.on("close", () => {
      if (!this.connected) return;
      this.connected = false;
      options.log?.warn({ bus: prefix }, "redis bus connection lost");
      options.onConnection?.("lost");
    });
    this.subscriber.on("messageBuffer", (channel: Buffer, payload: Buffer) => {
      const handlers = this.handlers.get(channel.toString().slice(this.prefix.length + 1));
      if (!handlers) return;
      let message: M;
      try {
        message = superjson.parse<M>(payload.toString());
      } catch (error) {
        options.log?.warn({ err: error, bus: prefix }, "unreadable bus message ignored");
        return;
      }
      for (const handler of handlers) handler(message);
    });
  }

  publish(channel: string, message: M): void {
    this.publisher
      .publish(this.key(channel), superjson.stringify(message))
      .catch((error: unknown) => {
        // Subscribers detect the gap by sequence or id, or are told by `onConnection`.
        this.options.log?.warn({ err: error, channel }, "redis bus publish failed");
      });
  }

  subscribe(channel: string, handler: BusHandler<M>): () => void {
    let handlers = this.handlers.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.handlers.set(channel, handlers);
      this.subscriber.subscribe(this.key(channel)).catch((error: unknown) => {
        // ioredis subscribes again on reconnect; meanwhile this shows up as missing messages.
        this.options.log?.warn({ err: error, channel }, "redis bus subscribe failed");
      });
    }
    handlers.add(handler);
    return () => {
      handlers.delete(handler);
      if (handlers.size > 0) return;
      this.handlers.delete(channel);
      this.subscriber.unsubscribe(this.key(channel)).catch((error: unknown) => {
        this.options.log?.debug({ err: error, channel }, "redis bus unsubscribe failed");
      });
    };
  }

  /** Hands `message` to this process's handlers of `channel` only (a local notice). */
  deliverLocally(channel: string, message: M): void {
    for (const handler of this.handlers.get(channel) ?? []) handler(message);
  }

  async close(): Promise<void> {
    this.handlers.clear();
    this.subscriber.removeAllListeners("close");
    await this.subscriber.quit().catch((error: unknown) => {
      this.options.log?.debug({ err: error }, "redis bus was already closed");
    });
  }

  private key(channel: string): string {
    return `${this.prefix}:${channel}`;
  }
}
