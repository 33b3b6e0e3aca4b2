/**
 * The tRPC v11 WebSocket wire format of `market.onBook`, spoken directly so one process can
 * hold a thousand subscriptions (see `@trpc/server/src/adapters/ws.ts`):
 *
 *   → {"id":1,"method":"subscription","params":{"path":"market.onBook","input":{"json":{...}}}}
 *   ← {"id":1,"result":{"type":"started"}}
 *   ← {"id":1,"result":{"type":"data","data":{"json":{"id":"<tracked id>","data":<event>}},"id":"<tracked id>"}}
 *
 * Inputs and outputs are superjson-serialized (`{json, meta?}`); a `tracked()` event arrives as
 * `{id, data}`. The server also sends the text `PING` after 15 s without client traffic and
 * closes the socket unless something comes back within 5 s.
 */

export type Frame =
  | { kind: "diff"; publishedAt: number; fromSequence: number; toSequence: number }
  | { kind: "snapshot"; sequence: number }
  | { kind: "ping" }
  | { kind: "error"; message: string }
  | { kind: "other" };

interface WireMessage {
  result?: { type?: string; data?: { json?: { data?: { kind?: string; sequence?: unknown } } } };
  error?: { json?: { message?: unknown } };
}

export function encodeSubscribe(symbol: string): string {
  return JSON.stringify({
    id: 1,
    method: "subscription",
    params: { path: "market.onBook", input: { json: { symbol } } },
  });
}

/**
 * Encodes a one-level book diff exactly as the exchange frames it, so the naive broadcaster
 * sends the same bytes per message and the subscribers parse both the same way.
 */
export function encodeDiff(
  symbol: string,
  sequence: number,
  publishedAt: number,
  level: { price: string; quantity: string },
): string {
  const id = String(sequence);
  const diff = {
    kind: "diff",
    symbol,
    fromSequence: sequence,
    toSequence: sequence,
    publishedAt,
    bids: [level],
    asks: [],
  };
  // Key order as the adapter writes it: the tracked id goes in after the data.
  return JSON.stringify({
    id: 1,
    result: { type: "data", data: { json: { id, data: diff } }, id },
  });
}

const PUBLISHED_AT = Buffer.from('"publishedAt":');
const FROM_SEQUENCE = Buffer.from('"fromSequence":');
const TO_SEQUENCE = Buffer.from('"toSequence":');
const PING = Buffer.from("PING");
const ZERO = 0x30;
const NINE = 0x39;

/**
 * Reads one frame. Diffs, the only frames on the hot path, are read straight from the bytes:
 * a subscriber process handles a thousand of them per book update, and every microsecond it
 * spends on one delays the reading of the next socket's copy, which would count as latency.
 */
export function readFrame(data: Buffer): Frame {
  const publishedAt = readInteger(data, PUBLISHED_AT);
  if (publishedAt !== undefined) {
    return {
      kind: "diff",
      publishedAt,
      fromSequence: readInteger(data, FROM_SEQUENCE) ?? -1,
      toSequence: readInteger(data, TO_SEQUENCE) ?? -1,
    };
  }
  if (data.equals(PING)) return { kind: "ping" };
  const message = JSON.parse(data.toString("utf8")) as WireMessage;
  const event = message.result?.type === "data" ? message.result.data?.json?.data : undefined;
  if (event?.kind === "snapshot" && typeof event.sequence === "number") {
    return { kind: "snapshot", sequence: event.sequence };
  }
  if (message.error) return { kind: "error", message: String(message.error.json?.message) };
  return { kind: "other" };
}

function readInteger(data: Buffer, key: Buffer): number | undefined {
  const start = data.indexOf(key);
  if (start === -1) return undefined;
  let value = 0;
  let digits = 0;
  for (let i = start + key.length; i < data.length; i++) {
    const byte = data[i] ?? 0;
    if (byte < ZERO || byte > NINE) break;
    value = value * 10 + (byte - ZERO);
    digits += 1;
  }
  return digits > 0 ? value : undefined;
}
