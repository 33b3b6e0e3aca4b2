import type { EventBus, StreamMessage } from "@cryptotrade/exchange";
import { channels } from "@cryptotrade/exchange";

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
  listen(
    channel: string,
    signal: AbortSignal | undefined,
  ): AsyncIterable<StreamMessage> & {
    replayAfter(position: string): StreamMessage[] | undefined;
  } {
    const queue: StreamMessage[] = [];
    let wake: (() => void) | undefined;
    let failure: Error | undefined;
    const push = (message: StreamMessage) => {
      if (failure) return;
      if (queue.length >= this.maxQueue) {
        failure = new SlowConsumerError(`Dropped: more than ${this.maxQueue} messages behind`);
      } else {
        queue.push(message);
      }
      wake?.();
    };
    const leave = [this.join(channel, push), this.join(channels.system, push)];
    const stop = () => {
      for (const fn of leave) fn();
      wake?.();
    };
    signal?.addEventListener("abort", stop, { once: true });

    const history = () => this.channels.get(channel)?.history ?? [];
    return {
      replayAfter: (position) => replayAfter(history(), position),
      async *[Symbol.asyncIterator]() {
        try {
          while (!signal?.aborted) {
            const next = queue.shift();
            if (next) {
              yield next;
              continue;
            }
            if (failure) throw failure;
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            wake = undefined;
          }
        } finally {
          stop();
        }
      },
    };
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
      created.unsubscribe = this.bus.subscribe(name, (message) => {
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
