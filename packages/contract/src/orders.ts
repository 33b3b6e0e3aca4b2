import { z } from "zod";
import { ClientOrderId, DecimalString, Id, IdempotencyKey, MarketSymbol } from "./inputs";

/** The order vocabulary; the database's enums are made from these lists. */
export const ORDER_SIDES = ["buy", "sell"] as const;
export const ORDER_TYPES = [
  "limit",
  "market",
  "stop_limit",
  "stop_market",
  "take_profit_limit",
  "trailing_stop",
  "take_profit_market",
] as const;
export const TIME_IN_FORCE = ["GTC", "IOC", "FOK"] as const;
export const STP_MODES = ["cancel_newest", "cancel_oldest", "cancel_both"] as const;

/**
 * `orders.place`: which amounts each type takes, and the market's tick, lot and notional rules,
 * are checked by the exchange (and by the web form, with the same `market-rules`).
 *
 * @example
 * PlaceOrderInput.parse({ symbol: "BTC-USDT", side: "buy", type: "limit", price: "65000.00", quantity: "0.01" });
 */
export const PlaceOrderInput = z.strictObject({
  symbol: MarketSymbol,
  side: z.enum(ORDER_SIDES),
  type: z.enum(ORDER_TYPES),
  quantity: DecimalString.optional(),
  price: DecimalString.optional(),
  quoteQuantity: DecimalString.optional(),
  stopPrice: DecimalString.optional(),
  trailingDelta: DecimalString.optional(),
  timeInForce: z.enum(TIME_IN_FORCE).optional(),
  postOnly: z.boolean().optional(),
  stp: z.enum(STP_MODES).optional(),
  clientOrderId: ClientOrderId.optional(),
  ocoWith: Id.optional(),
});

export type PlaceOrderInput = z.output<typeof PlaceOrderInput>;

/** One order, by the exchange's id or the caller's clientOrderId. */
export const OrderTarget = z.union([
  z.strictObject({ orderId: Id }),
  z.strictObject({ clientOrderId: ClientOrderId }),
]);

/** `orders.cancel`; with a key, a retry answers the order it cancelled, not NOT_FOUND. */
export const CancelOrderInput = z.union([
  z.strictObject({ orderId: Id, idempotencyKey: IdempotencyKey.optional() }),
  z.strictObject({ clientOrderId: ClientOrderId, idempotencyKey: IdempotencyKey.optional() }),
]);

/** `orders.amend`: which order, and its new price and/or total quantity (filled included). */
export const AmendOrderInput = z
  .union([
    z.strictObject({
      orderId: Id,
      quantity: DecimalString.optional(),
      price: DecimalString.optional(),
    }),
    z.strictObject({
      clientOrderId: ClientOrderId,
      quantity: DecimalString.optional(),
      price: DecimalString.optional(),
    }),
  ])
  .refine((input) => input.quantity !== undefined || input.price !== undefined, {
    message: "give a new quantity, a new price or both",
    path: ["quantity"],
  });

/** `orders.cancelAll`: every open order, or those of one market. */
export const CancelAllOrdersInput = z
  .strictObject({
    symbol: MarketSymbol.optional(),
    idempotencyKey: IdempotencyKey.optional(),
  })
  .optional();
