/**
 * Messages between the bench's processes over the `child_process.fork` channel. Each child
 * gets its settings as one JSON argument and then only waits for these few signals, so
 * nothing on the hot path crosses a process boundary.
 */

/** Which server the subscribers talk to; both send the same tRPC envelope. */
export type Protocol = "trpc" | "naive";

export interface SubscriberSettings {
  url: string;
  protocol: Protocol;
  connections: number;
  /** Loopback block (127.<block>.x.y) the connections come from, `socketsPerAddress` each. */
  addressBlock: number;
  /** This process's first connection's number in the run, so addresses never repeat. */
  firstConnection: number;
  socketsPerAddress: number;
  symbol: string;
  /** Handshakes in flight at once, so the server's accept backlog never overflows. */
  connectConcurrency: number;
  connectTimeoutMs: number;
}

export type ToSubscriber = { type: "measure" } | { type: "finish" };

export interface SubscriberReady {
  type: "ready";
  subscribed: number;
  failed: number;
}

export interface SubscriberResult {
  type: "result";
  /** Latency histogram in whole milliseconds: [latency, count] pairs. */
  latencies: Array<[number, number]>;
  messages: number;
  /** Diffs whose fromSequence skipped past the last one seen on that connection. */
  gaps: number;
  /** Connections that failed to connect or subscribe. */
  failed: number;
  /** Connections the server closed (or that errored) after subscribing. */
  dropped: number;
  /** tRPC error responses received. */
  errors: number;
  /** This process's CPU time while measuring, in seconds. */
  cpuSeconds: number;
}

export type FromSubscriber = SubscriberReady | SubscriberResult;

export interface NaiveServerSettings {
  ratePerSecond: number;
  symbol: string;
}

export type ToNaiveServer = { type: "start" } | { type: "stop" };

export type FromNaiveServer =
  | { type: "listening"; port: number }
  | { type: "stopped"; sent: number };

/**
 * A type guard for one kind of IPC message.
 *
 * @example
 * const ready = await nextMessage(child, isMessage<SubscriberReady>("ready"));
 */
export function isMessage<T extends { type: string }>(type: T["type"]) {
  return (message: unknown): message is T =>
    typeof message === "object" && message !== null && "type" in message && message.type === type;
}
