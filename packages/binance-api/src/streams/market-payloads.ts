import { z } from "zod";

/**
 * The payloads of Binance's market streams (web-socket-streams.md), as zod schemas: the
 * builders below return what these describe, and the AsyncAPI document is generated from them.
 */
const Decimal = z.string().describe("A decimal number as a string, as Binance sends amounts");
const Millis = z.number().int().describe("Milliseconds since the Unix epoch");
const Level = z.tuple([Decimal, Decimal]).describe("[price, quantity]");

export const DepthUpdateEvent = z
  .object({
    e: z.literal("depthUpdate"),
    E: Millis,
    s: z.string().describe("Symbol, e.g. BTCUSDT"),
    U: z.number().int().describe("First update id in the event (the book's sequence)"),
    u: z.number().int().describe("Final update id in the event"),
    b: z.array(Level).describe("Bids to update; quantity 0 removes the level"),
    a: z.array(Level).describe("Asks to update; quantity 0 removes the level"),
  })
  .meta({ title: "depthUpdate" });

export const PartialDepthEvent = z
  .object({
    lastUpdateId: z.number().int(),
    bids: z.array(Level),
    asks: z.array(Level),
  })
  .meta({ title: "partialDepth" });

export const TradeEvent = z
  .object({
    e: z.literal("trade"),
    E: Millis,
    s: z.string(),
    t: z.number().int().describe("Trade id"),
    p: Decimal,
    q: Decimal,
    T: Millis.describe("Trade time"),
    m: z.boolean().describe("Is the buyer the market maker?"),
    M: z.boolean().describe("Ignore"),
  })
  .meta({ title: "trade" });

export const KlineEvent = z
  .object({
    e: z.literal("kline"),
    E: Millis,
    s: z.string(),
    k: z.object({
      t: Millis.describe("Kline start time"),
      T: Millis.describe("Kline close time"),
      s: z.string(),
      i: z.string().describe("Interval"),
      f: z.number().int().describe("First trade id (-1: not kept)"),
      L: z.number().int().describe("Last trade id (-1: not kept)"),
      o: Decimal,
      c: Decimal,
      h: Decimal,
      l: Decimal,
      v: Decimal.describe("Base asset volume"),
      n: z.number().int().describe("Number of trades"),
      x: z.boolean().describe("Is this kline closed?"),
      q: Decimal.describe("Quote asset volume"),
      V: Decimal.describe("Taker buy base asset volume"),
      Q: Decimal.describe("Taker buy quote asset volume"),
      B: z.string().describe("Ignore"),
    }),
  })
  .meta({ title: "kline" });

export const TickerEvent = z
  .object({
    e: z.literal("24hrTicker"),
    E: Millis,
    s: z.string(),
    p: Decimal.describe("Price change"),
    P: Decimal.describe("Price change percent"),
    w: Decimal.describe("Weighted average price"),
    x: Decimal.describe("First trade before the 24h window"),
    c: Decimal.describe("Last price"),
    Q: Decimal.describe("Last quantity"),
    b: Decimal,
    B: Decimal,
    a: Decimal,
    A: Decimal,
    o: Decimal,
    h: Decimal,
    l: Decimal,
    v: Decimal,
    q: Decimal,
    O: Millis,
    C: Millis,
    F: z.number().int(),
    L: z.number().int(),
    n: z.number().int(),
  })
  .meta({ title: "24hrTicker" });

export const BookTickerEvent = z
  .object({
    u: z.number().int().describe("Order book update id"),
    s: z.string(),
    b: Decimal,
    B: Decimal,
    a: Decimal,
    A: Decimal,
  })
  .meta({ title: "bookTicker" });

/** What a combined stream (`/stream?streams=`) wraps every payload in. */
export const CombinedEnvelope = z
  .object({ stream: z.string(), data: z.unknown() })
  .meta({ title: "combined" });

export type DepthUpdateEvent = z.infer<typeof DepthUpdateEvent>;
export type PartialDepthEvent = z.infer<typeof PartialDepthEvent>;
export type TradeEvent = z.infer<typeof TradeEvent>;
export type KlineEvent = z.infer<typeof KlineEvent>;
export type TickerEvent = z.infer<typeof TickerEvent>;
export type BookTickerEvent = z.infer<typeof BookTickerEvent>;
