import { z } from "zod";
import { BINANCE_ORDER_STATUSES, BINANCE_ORDER_TYPES } from "../binance-orders";

/**
 * The user data stream's events (user-data-stream.md), as zod schemas: the builders in
 * `user-events.ts` return what these describe, and the AsyncAPI document is generated from them.
 */
const Decimal = z.string().describe("A decimal number as a string");
const Millis = z.number().int().describe("Milliseconds since the Unix epoch");

export const ExecutionReportEvent = z
  .object({
    e: z.literal("executionReport"),
    E: Millis,
    s: z.string().describe("Symbol"),
    c: z.string().describe("Client order id"),
    S: z.enum(["BUY", "SELL"]),
    o: z.enum(BINANCE_ORDER_TYPES),
    f: z.enum(["GTC", "IOC", "FOK"]),
    q: Decimal.describe("Order quantity"),
    p: Decimal.describe("Order price"),
    P: Decimal.describe("Stop price"),
    F: Decimal.describe("Iceberg quantity"),
    g: z.number().int().describe("Order list id (-1: none)"),
    C: z.string().describe("Original client order id of a cancel"),
    x: z
      .enum(["NEW", "CANCELED", "REJECTED", "TRADE", "EXPIRED", "TRADE_PREVENTION"])
      .describe("Execution type"),
    X: z.enum(BINANCE_ORDER_STATUSES),
    r: z.string().describe("Reject reason"),
    i: z.number().int().describe("Order id"),
    l: Decimal.describe("Last executed quantity"),
    z: Decimal.describe("Cumulative filled quantity"),
    L: Decimal.describe("Last executed price"),
    n: Decimal.describe("Commission of this execution"),
    N: z.string().nullable().describe("Commission asset"),
    T: Millis.describe("Transaction time"),
    t: z.number().int().describe("Trade id (-1 when no trade)"),
    I: z.number().int().describe("Execution id"),
    w: z.boolean().describe("Is the order on the book?"),
    m: z.boolean().describe("Is this trade the maker side?"),
    M: z.boolean().describe("Ignore"),
    O: Millis.describe("Order creation time"),
    Z: Decimal.describe("Cumulative quote asset transacted quantity"),
    Y: Decimal.describe("Last quote asset transacted quantity"),
    Q: Decimal.describe("Quote order quantity"),
    W: Millis.optional().describe("Working time"),
    V: z.string().describe("Self-trade prevention mode"),
    d: z.number().int().optional().describe("Trailing delta"),
  })
  .meta({ title: "executionReport" });

export const AccountPositionEvent = z
  .object({
    e: z.literal("outboundAccountPosition"),
    E: Millis,
    u: Millis.describe("Time of the last account update"),
    B: z.array(z.object({ a: z.string(), f: Decimal, l: Decimal })),
  })
  .meta({ title: "outboundAccountPosition" });

export const BalanceUpdateEvent = z
  .object({
    e: z.literal("balanceUpdate"),
    E: Millis,
    a: z.string().describe("Asset"),
    d: Decimal.describe("Balance delta"),
    T: Millis.describe("Clear time"),
  })
  .meta({ title: "balanceUpdate" });

export const ListenKeyExpiredEvent = z
  .object({ e: z.literal("listenKeyExpired"), E: Millis, listenKey: z.string() })
  .meta({ title: "listenKeyExpired" });

/** How the WebSocket API (`/ws-api/v3`) wraps a user data event. */
export const WsApiUserEvent = z
  .object({ subscriptionId: z.number().int(), event: z.unknown() })
  .meta({ title: "wsApiUserEvent" });

export type ExecutionReportEvent = z.infer<typeof ExecutionReportEvent>;
export type AccountPositionEvent = z.infer<typeof AccountPositionEvent>;
export type BalanceUpdateEvent = z.infer<typeof BalanceUpdateEvent>;
