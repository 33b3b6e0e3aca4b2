import { z } from "zod";
import { ClientOrderId, DecimalString, Id, IdempotencyKey, MarketSymbol, Page } from "./inputs";
import {
  ORDER_SIDES,
  ORDER_STATUSES,
  ORDER_TYPES,
  STP_MODES,
  TIME_IN_FORCE,
} from "./order-vocabulary";

export {
  LIVE_ORDER_STATUSES,
  ORDER_SIDES,
  ORDER_STATUSES,
  ORDER_TYPES,
  STP_MODES,
  TIME_IN_FORCE,
} from "./order-vocabulary";

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

/** A time window: created at or after `from`, and before `to`. */
const Window = {
  from: z.date().optional(),
  to: z.date().optional(),
};

/**
 * Which of the user's orders `orders.list` and `orders.exportOrdersCsv` take: open ones (the
 * default) or finished ones (history), of every market unless `symbol` names one, narrowed by
 * side, type, exact status (`orderStatus`, one of that list's statuses) and creation time.
 */
export const OrderFilter = {
  status: z.enum(["open", "history"]).default("open"),
  symbol: MarketSymbol.optional(),
  side: z.enum(ORDER_SIDES).optional(),
  type: z.enum(ORDER_TYPES).optional(),
  orderStatus: z.enum(ORDER_STATUSES).optional(),
  ...Window,
};

/**
 * `orders.list`: one page of orders, newest first.
 *
 * @example
 * ListOrdersInput.parse({ status: "history", side: "buy", limit: 20 });
 */
export const ListOrdersInput = z
  .strictObject({ ...OrderFilter, ...Page })
  .default({ status: "open" });

/**
 * `orders.exportOrdersCsv`: every order that `orders.list` lists with the same filter, except
 * that it exports the history unless `status` asks for open orders.
 */
export const ExportOrdersInput = z
  .strictObject({ ...OrderFilter, status: z.enum(["open", "history"]).default("history") })
  .default({ status: "history" });

/**
 * Which of the user's fills `orders.fills` and `orders.exportFillsCsv` take: every market unless
 * `symbol` names one, narrowed by one order, the user's side of the trade and the trade's time.
 */
export const FillFilter = {
  symbol: MarketSymbol.optional(),
  orderId: Id.optional(),
  side: z.enum(ORDER_SIDES).optional(),
  ...Window,
};

/**
 * `orders.fills`: one page of the user's fills, newest first.
 *
 * @example
 * ListFillsInput.parse({ side: "sell", from: new Date("2026-12-01T00:00:00Z") });
 */
export const ListFillsInput = z.strictObject({ ...FillFilter, ...Page }).default({});

/** `orders.exportFillsCsv`: every fill that `orders.fills` lists with the same filter. */
export const ExportFillsInput = z.strictObject(FillFilter).default({});
