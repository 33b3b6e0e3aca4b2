import type { EventBus, StreamMessage } from "@cryptotrade/exchange";
import { channels } from "@cryptotrade/exchange";
import { shareMessage } from "./shared-encoding";

export interface StreamHubOptions {
  /** Messages kept per channel so a reconnecting client can resume. */
  historySize?: number;
  /** Messages one subscriber may fall behind before it is dropped. */
  maxQueue?: number;
  /** How long a channel stays subscribed (and recording history) after its last subscriber. */
  lingerMs?: number;
}

/** Thrown from a subscription that fell too far behind; the client resumes with lastEventId. */
export class SlowConsumerError extends Error {
  override name = "SlowConsumerError";
}

/** A message's position in its channel: the book sequence for diffs, the id otherwise. */
export function positionOf(message: StreamMessage): string {
  return message.kind === "diff" ? String(message.toSequence) : message.id;
}

export function isAfter(message: StreamMessage, position: string): boolean {
  if (message.kind === "diff") return message.toSequence > Number(position);
  return message.id > position;
}

/**
 * The messages after `position`, or undefined when the history cannot prove none is missing
 * (the client must then resync from a snapshot).
 */
function replayAfter(messages: StreamMessage[], position: string): StreamMessage[] | undefined {
  const first = messages.findIndex((m) => isAfter(m, position));
  if (first === -1) return messages.some((m) => positionOf(m) === position) ? [] : undefined;
  const next = messages[first] as StreamMessage;
  if (next.kind === "diff") {
    return next.fromSequence === Number(position) + 1 ? messages.slice(first) : undefined;
  }
  const previous = messages[first - 1];
  return previous && positionOf(previous) === position ? messages.slice(first) : undefined;
}

/** One subscriber's view of a channel: its messages in order, and a way to resume. */
export interface ChannelListener extends AsyncIterable<StreamMessage> {
  /** The recorded messages after `position`, or undefined when some may be missing. */
  replayAfter(position: string): StreamMessage[] | undefined;
  /**
   * Offers each message to `handler` first, while the consumer is waiting with nothing
   * queued; one it declines (returns false) is queued for the iterator as usual.
   */
  deliverDirectly(handler: (message: StreamMessage) => boolean): void;
}

interface Channel {
  history: StreamMessage[];
  listeners: Set<(message: StreamMessage) => void>;
  unsubscribe: () => void;
  linger?: NodeJS.Timeout;
}

/**
 * One process's fan-out from the bus to its subscribers. Each channel is subscribed on the
 * bus once however many clients listen, keeps a short history for resuming, and gives every
 * subscriber a bounded queue: a client that cannot keep up is dropped, never buffered forever.
 */
export class StreamHub {
  private readonly channels = new Map<string, Channel>();
  private readonly historySize: number;
  private readonly maxQueue: number;
  private readonly lingerMs: number;

  constructor(
    private readonly bus: EventBus,
    options: StreamHubOptions = {},
  ) {
    this.historySize = options.historySize ?? 2_000;
    this.maxQueue = options.maxQueue ?? 5_000;
    this.lingerMs = options.lingerMs ?? 60_000;
  }

  /**
   * Listens to a channel (and to resets) until `signal` aborts. Messages published from now
   * on are queued, so a snapshot read after this call misses nothing.
   */
  listen(channel: string, signal: AbortSignal | undefined): ChannelListener {
    const queue: StreamMessage[] = [];
    // The consumer waiting in next(): a message for it skips the queue.
    let waiting: ((result: IteratorResult<StreamMessage>) => void) | undefined;
    let failure: Error | undefined;
    let stopped = false;
    let direct: ((message: StreamMessage) => boolean) | undefined;
    const push = (message: StreamMessage) => {
      if (failure || stopped) return;
      if (waiting) {
        // The consumer waits only with nothing queued, so a message delivered directly now
        // never overtakes one still on its way through the iterator.
        if (direct?.(message)) return;
        const resolve = waiting;
        waiting = undefined;
        resolve({ value: message, done: false });
      } else if (queue.length >= this.maxQueue) {
        failure = new SlowConsumerError(`Dropped: more than ${this.maxQueue} messages behind`);
      } else {
        queue.push(message);
      }
    };
    const leave = [this.join(channel, push), this.join(channels.system, push)];
    const stop = () => {
      if (stopped) return;
      stopped = true;
      for (const fn of leave) fn();
      waiting?.({ value: undefined, done: true });
      waiting = undefined;
    };
    if (signal?.aborted) stop();
    else signal?.addEventListener("abort", stop, { once: true });

    const history = () => this.channels.get(channel)?.history ?? [];
    // A plain iterator, not an async generator: one promise per message, the least a
    // thousand subscribers of one channel can cost.
    const iterator: AsyncIterator<StreamMessage> = {
      next: () => {
        const next = queue.shift();
        if (next) return Promise.resolve({ value: next, done: false });
        if (failure) {
          stop();
          return Promise.reject(failure);
        }
        if (stopped) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => {
          waiting = resolve;
        });
      },
      return: () => {
        stop();
        return Promise.resolve({ value: undefined, done: true });
      },
    };
    return {
      replayAfter: (position) => replayAfter(history(), position),
      deliverDirectly: (handler) => {
        direct = handler;
      },
      [Symbol.asyncIterator]: () => iterator,
    };
  }

  /** How many subscribers this process has on `channel` right now (for metrics and tests). */
  listenerCount(channel: string): number {
    return this.channels.get(channel)?.listeners.size ?? 0;
  }

  async close(): Promise<void> {
    for (const channel of this.channels.values()) {
      clearTimeout(channel.linger);
      channel.unsubscribe();
    }
    this.channels.clear();
  }

  private join(name: string, listener: (message: StreamMessage) => void): () => void {
    let channel = this.channels.get(name);
    if (!channel) {
      const created: Channel = { history: [], listeners: new Set(), unsubscribe: () => {} };
      created.unsubscribe = this.bus.subscribe(name, (received) => {
        const message = shareMessage(received);
        // After a reset (books rebuilt, a new leader, the bus dropped) no history can prove
        // that nothing was missed: a client resuming from before it must resync.
        if (message.kind === "reset")
          for (const other of this.channels.values()) other.history = [];
        created.history.push(message);
        if (created.history.length > this.historySize) created.history.shift();
        for (const deliver of created.listeners) deliver(message);
      });
      this.channels.set(name, created);
      channel = created;
    }
    clearTimeout(channel.linger);
    channel.listeners.add(listener);
    const joined = channel;
    return () => {
      if (!joined.listeners.delete(listener) || joined.listeners.size > 0) return;
      joined.linger = setTimeout(() => {
        if (joined.listeners.size > 0) return;
        joined.unsubscribe();
        this.channels.delete(name);
      }, this.lingerMs);
      joined.linger.unref();
    };
  }
}
