import { errorDetailsOf } from "@cryptotrade/api";
import { countDecimals, toUnits } from "@cryptotrade/contract/money";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Procedures } from "./binance-api";
import { BinanceError } from "./binance-errors";
import {
  BINANCE_ORDER_STATUSES,
  BINANCE_ORDER_TYPES,
  BINANCE_SIDES,
  BINANCE_STP_MODES,
  BINANCE_TIME_IN_FORCE,
  type BinanceOrder,
  epochMillis,
  type OrderView,
  toBinanceOrder,
} from "./binance-orders";

const Decimal = z.string().meta({ description: "A decimal written with the asset's decimals." });

/** One fill of a new order in a FULL answer. */
const NewOrderFill = z.object({
  price: Decimal,
  qty: Decimal,
  commission: Decimal,
  commissionAsset: z.string(),
  tradeId: z.number().int(),
});

/**
 * `POST /api/v3/order`'s answer: ACK has the ids and `transactTime`; RESULT adds the order's
 * state; FULL adds its fills.
 */
export const NewOrderAnswer = z.object({
  symbol: z.string(),
  orderId: z.number().int(),
  orderListId: z.number().int(),
  clientOrderId: z.string(),
  transactTime: z.number().int(),
  price: Decimal.optional(),
  origQty: Decimal.optional(),
  executedQty: Decimal.optional(),
  origQuoteOrderQty: Decimal.optional(),
  cummulativeQuoteQty: Decimal.optional(),
  status: z.enum(BINANCE_ORDER_STATUSES).optional(),
  timeInForce: z.enum(BINANCE_TIME_IN_FORCE).optional(),
  type: z.enum(BINANCE_ORDER_TYPES).optional(),
  side: z.enum(BINANCE_SIDES).optional(),
  stopPrice: Decimal.optional(),
  workingTime: z.number().int().optional(),
  selfTradePreventionMode: z.enum(BINANCE_STP_MODES).optional(),
  fills: z.array(NewOrderFill).optional(),
});

type RespType = "ACK" | "RESULT" | "FULL";

/**
 * A placed order as Binance answers `POST /api/v3/order` with `respType`; FULL reads the
 * order's fills (`orders.fills`), so they carry the fee this order paid. An order that
 * executed nothing has none, so FULL reads nothing then (most orders rest untouched).
 */
export async function newOrderAnswer(
  procedures: Procedures,
  order: OrderView,
  respType: RespType,
): Promise<z.input<typeof NewOrderAnswer>> {
  const binance = toBinanceOrder(order);
  const ack = {
    symbol: binance.symbol,
    orderId: binance.orderId,
    orderListId: binance.orderListId,
    clientOrderId: binance.clientOrderId,
    transactTime: epochMillis(order.createdAt),
  };
  if (respType === "ACK") return ack;
  const result = {
    ...ack,
    ...orderState(binance, order),
    workingTime: binance.workingTime,
  };
  if (respType === "RESULT") return result;
  if (executedNothing(order)) return { ...result, fills: [] };
  const fills = await allPages((cursor) =>
    procedures.orders.fills({ orderId: order.id, limit: 500, ...(cursor ? { cursor } : {}) }),
  );
  return {
    ...result,
    fills: fills.reverse().map((fill) => ({
      price: fill.price,
      qty: fill.quantity,
      commission: fill.fee,
      commissionAsset: fill.feeAsset,
      tradeId: Number(fill.id),
    })),
  };
}

function executedNothing(order: OrderView): boolean {
  const filled = order.filledQuantity;
  return toUnits(filled, countDecimals(filled)) === 0n;
}

/** A cancelled order as `DELETE /api/v3/order` and `/openOrders` answer it. */
export const CancelledOrder = z.object({
  symbol: z.string(),
  origClientOrderId: z.string(),
  orderId: z.number().int(),
  orderListId: z.number().int(),
  clientOrderId: z.string().meta({ description: "The cancel's own id (newClientOrderId)." }),
  transactTime: z.number().int(),
  price: Decimal,
  origQty: Decimal,
  executedQty: Decimal,
  origQuoteOrderQty: Decimal,
  cummulativeQuoteQty: Decimal,
  status: z.enum(BINANCE_ORDER_STATUSES),
  timeInForce: z.enum(BINANCE_TIME_IN_FORCE),
  type: z.enum(BINANCE_ORDER_TYPES),
  side: z.enum(BINANCE_SIDES),
  stopPrice: Decimal.optional(),
  selfTradePreventionMode: z.enum(BINANCE_STP_MODES),
});

/** A cancelled order in Binance's words; `cancelId` is the cancel's own id. */
export function cancelledOrderAnswer(
  order: OrderView,
  cancelId: string,
): z.input<typeof CancelledOrder> {
  const binance = toBinanceOrder(order);
  return {
    symbol: binance.symbol,
    origClientOrderId: binance.clientOrderId,
    orderId: binance.orderId,
    orderListId: binance.orderListId,
    clientOrderId: cancelId,
    transactTime: epochMillis(order.updatedAt),
    ...orderState(binance, order),
  };
}

/**
 * Runs a procedure call, answering a NOT_FOUND refusal (an unknown order, or another user's,
 * which look the same) with Binance's own refusal for the endpoint (-2013 or -2011).
 */
export async function orUnknown<T>(call: Promise<T>, unknown: () => BinanceError): Promise<T> {
  try {
    return await call;
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") {
      // An unknown market is NOT_FOUND too, with a reason of its own (-1121).
      const reason = errorDetailsOf(error).reason ?? "NOT_FOUND";
      if (reason === "NOT_FOUND") throw unknown();
    }
    throw error;
  }
}

export const ORDER_DOES_NOT_EXIST = () => new BinanceError(-2013, "Order does not exist.");
export const UNKNOWN_ORDER = () => new BinanceError(-2011, "Unknown order sent.");

/** Every item of a paged procedure (newest first), page by page. */
export async function allPages<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
  enough: (items: T[]) => boolean = () => false,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    items.push(...next.items);
    cursor = next.nextCursor ?? undefined;
  } while (cursor !== undefined && !enough(items));
  return items;
}

/** An order's amounts and state, as a RESULT new-order answer and a cancel answer both give them. */
function orderState(binance: BinanceOrder, order: Pick<OrderView, "stopPrice">) {
  return {
    price: binance.price,
    origQty: binance.origQty,
    executedQty: binance.executedQty,
    origQuoteOrderQty: binance.origQuoteOrderQty,
    cummulativeQuoteQty: binance.cummulativeQuoteQty,
    status: binance.status,
    timeInForce: binance.timeInForce,
    type: binance.type,
    side: binance.side,
    ...(order.stopPrice !== null ? { stopPrice: binance.stopPrice } : {}),
    selfTradePreventionMode: binance.selfTradePreventionMode,
  };
}
