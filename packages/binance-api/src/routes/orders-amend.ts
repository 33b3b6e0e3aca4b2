import { countDecimals, toUnits } from "@cryptotrade/contract/money";
import { z } from "zod";
import { BinanceError } from "../binance-errors";
import {
  BINANCE_ORDER_STATUSES,
  BINANCE_ORDER_TYPES,
  BINANCE_SIDES,
  BINANCE_STP_MODES,
  BINANCE_TIME_IN_FORCE,
  epochMillis,
  toBinanceOrder,
} from "../binance-orders";
import { zeroLike } from "../decimals";
import { endpoint } from "../endpoint";
import { orUnknown, UNKNOWN_ORDER } from "../order-answers";
import {
  ClientOrderIdParam,
  DecimalParam,
  OrderTargetParams,
  orderTargetOf,
} from "../order-params";
import { toBinanceSymbol } from "../symbols";

const amendRefused = (msg: string) => new BinanceError(-2038, msg);

/**
 * `PUT /api/v3/order/amend/keepPriority` (TRADE): lowers a resting order's quantity without
 * losing its place in the queue, through `orders.amend` (whose smaller quantity at the same
 * price keeps priority, as Binance's does).
 */
export const amendKeepPriority = endpoint({
  method: "PUT",
  path: "/order/amend/keepPriority",
  summary: "Order amend keep priority",
  description:
    "Reduces the quantity of a resting order, keeping its place in the queue. The order keeps its clientOrderId.",
  security: "TRADE",
  weight: 4,
  params: OrderTargetParams.extend({
    newQty: DecimalParam.meta({ description: "The new total quantity, below the current one." }),
    newClientOrderId: ClientOrderIdParam.optional().meta({
      description: "Only the order's current clientOrderId: the exchange does not rename orders.",
    }),
  }),
  response: z.object({
    transactTime: z.number().int(),
    executionId: z.number().int().meta({ description: "Always 0: no execution ids here." }),
    amendedOrder: z.object({
      symbol: z.string(),
      orderId: z.number().int(),
      orderListId: z.number().int(),
      origClientOrderId: z.string(),
      clientOrderId: z.string(),
      price: z.string(),
      qty: z.string(),
      executedQty: z.string(),
      preventedQty: z.string(),
      quoteOrderQty: z.string(),
      cumulativeQuoteQty: z.string(),
      status: z.enum(BINANCE_ORDER_STATUSES),
      timeInForce: z.enum(BINANCE_TIME_IN_FORCE),
      type: z.enum(BINANCE_ORDER_TYPES),
      side: z.enum(BINANCE_SIDES),
      workingTime: z.number().int(),
      selfTradePreventionMode: z.enum(BINANCE_STP_MODES),
    }),
  }),
  handle: async (c, params) => {
    const procedures = await c.var.procedures();
    const target = orderTargetOf(params, UNKNOWN_ORDER);
    const order = await orUnknown(procedures.orders.get(target), UNKNOWN_ORDER);
    if (toBinanceSymbol(order.symbol) !== params.symbol) throw UNKNOWN_ORDER();
    if (params.newClientOrderId !== undefined && params.newClientOrderId !== order.clientOrderId) {
      throw new BinanceError(-1014, "Unsupported order combination");
    }
    if (order.quantity !== null) {
      const decimals = countDecimals(order.quantity);
      if (countDecimals(params.newQty.replace(/0+$/, "")) > decimals) {
        throw new BinanceError(-1111, "Parameter 'newQty' has too much precision.");
      }
      const [now, next] = [toUnits(order.quantity, decimals), toUnits(params.newQty, decimals)];
      if (next === now) {
        throw amendRefused("The requested action would change no state; rejecting");
      }
      if (next > now) throw amendRefused("Order amend (quantity increase) is not supported.");
    }
    const amended = await orUnknown(
      procedures.orders.amend({ orderId: order.id, quantity: params.newQty }),
      UNKNOWN_ORDER,
    );
    const binance = toBinanceOrder(amended);
    return {
      transactTime: epochMillis(amended.updatedAt),
      executionId: 0,
      amendedOrder: {
        symbol: binance.symbol,
        orderId: binance.orderId,
        orderListId: binance.orderListId,
        origClientOrderId: binance.clientOrderId,
        clientOrderId: binance.clientOrderId,
        price: binance.price,
        qty: binance.origQty,
        executedQty: binance.executedQty,
        preventedQty: zeroLike(amended.filledQuantity),
        quoteOrderQty: binance.origQuoteOrderQty,
        cumulativeQuoteQty: binance.cummulativeQuoteQty,
        status: binance.status,
        timeInForce: binance.timeInForce,
        type: binance.type,
        side: binance.side,
        workingTime: binance.workingTime,
        selfTradePreventionMode: binance.selfTradePreventionMode,
      },
    };
  },
});
