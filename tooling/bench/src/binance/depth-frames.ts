/** Which stream a fan-out subscriber speaks. */
export type StreamProtocol = "trpc" | "binance";

interface TrpcFrame {
  result?: { type?: string; data?: { json?: { id?: string; data?: TrpcBookMessage } } };
}
interface TrpcBookMessage {
  kind?: string;
  bids?: { price: string; quantity: string }[];
  asks?: { price: string; quantity: string }[];
}
interface BinanceDepthUpdate {
  e?: string;
  b?: [string, string][];
  a?: [string, string][];
}

/**
 * The price levels a book-diff frame adds or changes (quantity not zero), or null when the
 * frame is no diff: a tRPC snapshot, a subscription's start, a keep-alive, a SUBSCRIBE reply.
 * tRPC frames carry `onBook`'s tracked event, `{ id, data: { kind: "diff", bids: [{ price,
 * quantity }] } }` in superjson's `json` wrapper; Binance's carry `depthUpdate` (`b`/`a` as `[price, quantity]`),
 * bare on `/ws/…` or wrapped as `{ stream, data }` on `/stream?streams=…`.
 *
 * @example
 * changedPrices("binance", '{"e":"depthUpdate","b":[["2000.01","0.010"]],"a":[]}'); // ["2000.01"]
 */
export function changedPrices(protocol: StreamProtocol, text: string): string[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (protocol === "trpc") {
    const message = (parsed as TrpcFrame | null)?.result?.data?.json?.data;
    if (message?.kind !== "diff") return null;
    return [...(message.bids ?? []), ...(message.asks ?? [])]
      .filter((level) => !isZero(level.quantity))
      .map((level) => level.price);
  }
  const frame = parsed as (BinanceDepthUpdate & { data?: BinanceDepthUpdate }) | null;
  const update = frame?.data ?? frame;
  if (update?.e !== "depthUpdate") return null;
  return [...(update.b ?? []), ...(update.a ?? [])]
    .filter(([, quantity]) => !isZero(quantity))
    .map(([price]) => price);
}

function isZero(quantity: string): boolean {
  return /^0*(\.0*)?$/.test(quantity);
}
