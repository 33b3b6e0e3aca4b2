import type { CombinedDataTransformer } from "@trpc/server";
import { type Encoder, jsonEncoder } from "@trpc/server/adapters/ws";
import superjson from "superjson";

/**
 * A bus message goes to every subscriber of its channel, and the stock WebSocket path encodes
 * each copy on its own: superjson, then JSON.stringify, per socket. At a thousand subscribers
 * that is most of the server's work per book update. Messages marked shared here are encoded
 * once and the text is reused for every copy (ADR 009).
 */
const sharedMessages = new WeakSet<object>();

/** Marks a bus message as immutable and shared, so its encoding can be reused. */
export function shareMessage<T extends object>(message: T): T {
  sharedMessages.add(message);
  return Object.freeze(message);
}

type Serialized = ReturnType<typeof superjson.serialize>;

interface Encoded {
  /** The tracked id the cached output was made with. */
  id: string;
  serialized: Serialized;
  /** The serialized output as JSON text, made on first use. */
  json?: string;
  /** Whole frames by subscription, for the many subscribers that share an id. */
  frames?: Map<string, string>;
  /** The same frames as UTF-8 bytes, for direct delivery. */
  frameBytes?: Map<string, Buffer>;
}

/** Who a subscription is on its socket: the id its client chose, and the JSON-RPC marker. */
export interface SubscriptionAddress {
  id: number | string | null;
  jsonrpc?: "2.0" | undefined;
}

type OnFirstFrame = (address: SubscriptionAddress) => void;
const marked = new WeakMap<object, OnFirstFrame>();
const markedOutputs = new WeakMap<Serialized, OnFirstFrame>();

/**
 * Calls `onFrame` with the subscription's address when the adapter encodes `event` (the data
 * of a `tracked` event the subscription yields): the only place that knows both.
 */
export function onFirstFrame<T extends object>(event: T, onFrame: OnFirstFrame): T {
  marked.set(event, onFrame);
  return event;
}

const bySharedMessage = new WeakMap<object, Encoded>();
const bySerialized = new WeakMap<Serialized, Encoded>();

/** `tracked(id, data)` as the adapter hands it to the transformer: exactly `{ id, data }`. */
function sharedTrackedEvent(value: unknown): { id: string; data: object } | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { id, data } = value as { id?: unknown; data?: unknown };
  if (typeof id !== "string" || typeof data !== "object" || data === null) return undefined;
  if (!sharedMessages.has(data) || Object.keys(value).length !== 2) return undefined;
  return { id, data };
}

/**
 * superjson, on the wire exactly as before, but a tracked shared message is serialized once
 * per tracked id and the same output object is returned for every subscriber.
 */
export const streamingTransformer: CombinedDataTransformer = {
  input: superjson,
  output: {
    serialize(value: unknown) {
      const event = sharedTrackedEvent(value);
      if (!event) return serializeNotingMarks(value);
      const cached = bySharedMessage.get(event.data);
      if (cached?.id === event.id) return cached.serialized;
      const encoded: Encoded = { id: event.id, serialized: superjson.serialize(value) };
      bySharedMessage.set(event.data, encoded);
      bySerialized.set(encoded.serialized, encoded);
      return encoded.serialized;
    },
    deserialize: (value: unknown) => superjson.deserialize(value as Serialized),
  },
};

/** Plain superjson, remembering the output of a `mark`ed event for the encoder. */
function serializeNotingMarks(value: unknown): Serialized {
  const serialized = superjson.serialize(value);
  const data = (value as { data?: unknown } | null)?.data;
  const onFrame = typeof data === "object" && data !== null ? marked.get(data) : undefined;
  if (onFrame) markedOutputs.set(serialized, onFrame);
  return serialized;
}

interface DataMessage {
  id: number | string | null;
  jsonrpc?: "2.0";
  result: { type: "data"; data: unknown; id?: string };
}

function isDataMessage(message: unknown): message is DataMessage {
  const result = (message as { result?: { type?: unknown } } | null)?.result;
  return typeof result === "object" && result !== null && result.type === "data";
}

/**
 * The WebSocket encoder: JSON text frames, as tRPC's default, except that a data message
 * carrying a shared output is spliced from its cached JSON rather than stringified again.
 * Only the envelope (subscription id, tracked id) is written per subscriber.
 */
export const sharedFrameEncoder: Encoder = {
  encode(message: unknown): string {
    if (!isDataMessage(message)) return JSON.stringify(message);
    const output = message.result.data as Serialized;
    markedOutputs.get(output)?.({ id: message.id, jsonrpc: message.jsonrpc });
    const encoded = bySerialized.get(output);
    if (!encoded || !hasOnlyDataKeys(message)) return JSON.stringify(message);
    const key = frameKey(message, message.result.id);
    encoded.frames ??= new Map();
    let frame = encoded.frames.get(key);
    if (frame === undefined) {
      encoded.json ??= JSON.stringify(encoded.serialized);
      frame = splice(message, encoded.json);
      remember(encoded.frames, key, frame);
    }
    return frame;
  },
  decode: jsonEncoder.decode,
};

/** A subscription's address as a cache key; make it once per subscription. */
export function addressKey(address: SubscriptionAddress): string {
  return `${typeof address.id}:${address.id}:${address.jsonrpc}`;
}

/**
 * The frame the adapter would send for the shared `message` to `address` (whose `addressKey`
 * is `key`), as UTF-8 bytes: a thousand subscribers of one book diff share one buffer, and
 * after the first of them a frame costs two map lookups.
 */
export function frameOf(
  address: SubscriptionAddress,
  key: string,
  trackedId: string,
  message: object,
): Buffer {
  let encoded = bySharedMessage.get(message);
  if (encoded?.id !== trackedId) {
    const serialized = streamingTransformer.output.serialize({ id: trackedId, data: message });
    encoded = bySerialized.get(serialized as Serialized);
    // Not a shared message: nothing to reuse.
    if (!encoded) return encodeFrame(address, trackedId, serialized);
  }
  let bytes = encoded.frameBytes?.get(key);
  if (bytes === undefined) {
    bytes = encodeFrame(address, trackedId, encoded.serialized);
    encoded.frameBytes ??= new Map();
    remember(encoded.frameBytes, key, bytes);
  }
  return bytes;
}

function encodeFrame(address: SubscriptionAddress, trackedId: string, data: unknown): Buffer {
  const message = {
    id: address.id,
    jsonrpc: address.jsonrpc,
    result: { type: "data", data, id: trackedId },
  };
  return Buffer.from(sharedFrameEncoder.encode(message));
}

/**
 * Frames are kept per message for as long as the hub's history keeps the message, so only a
 * few subscription ids are remembered: most clients share them, and a client choosing odd
 * ids must not make the history hold a frame per subscriber.
 */
const FRAMES_PER_MESSAGE = 8;

function remember<T>(frames: Map<string, T>, key: string, frame: T): void {
  if (frames.size < FRAMES_PER_MESSAGE) frames.set(key, frame);
}

function frameKey(message: DataMessage, trackedId: string | undefined): string {
  return `${addressKey(message)}:${trackedId}`;
}

function splice(message: DataMessage, json: string): string {
  const { id, jsonrpc, result } = message;
  return (
    `{"id":${JSON.stringify(id)}` +
    (jsonrpc === undefined ? "" : `,"jsonrpc":${JSON.stringify(jsonrpc)}`) +
    `,"result":{"type":"data","data":${json}` +
    (result.id === undefined ? "" : `,"id":${JSON.stringify(result.id)}`) +
    "}}"
  );
}

/** The splice above writes exactly these keys; anything else takes the stock path. */
function hasOnlyDataKeys(message: DataMessage): boolean {
  for (const key in message)
    if (key !== "id" && key !== "jsonrpc" && key !== "result") return false;
  for (const key in message.result)
    if (key !== "type" && key !== "data" && key !== "id") return false;
  return true;
}
