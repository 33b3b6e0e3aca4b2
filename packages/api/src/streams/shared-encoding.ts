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
      if (!event) return superjson.serialize(value);
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
    const encoded = bySerialized.get(message.result.data as Serialized);
    if (!encoded || !hasOnlyDataKeys(message)) return JSON.stringify(message);
    encoded.json ??= JSON.stringify(encoded.serialized);
    const { id, jsonrpc, result } = message;
    return (
      `{"id":${JSON.stringify(id)}` +
      (jsonrpc === undefined ? "" : `,"jsonrpc":${JSON.stringify(jsonrpc)}`) +
      `,"result":{"type":"data","data":${encoded.json}` +
      (result.id === undefined ? "" : `,"id":${JSON.stringify(result.id)}`) +
      "}}"
    );
  },
  decode: jsonEncoder.decode,
};

/** The splice above writes exactly these keys; anything else takes the stock path. */
function hasOnlyDataKeys(message: DataMessage): boolean {
  for (const key in message)
    if (key !== "id" && key !== "jsonrpc" && key !== "result") return false;
  for (const key in message.result)
    if (key !== "type" && key !== "data" && key !== "id") return false;
  return true;
}
