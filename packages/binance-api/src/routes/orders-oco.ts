import { z } from "zod";
import type { Procedures } from "../binance-api";
import { BinanceError } from "../binance-errors";
import {
  BINANCE_SIDES,
  BINANCE_TIME_IN_FORCE,
  epochMillis,
  type OrderView,
  orderListIdOf,
} from "../binance-orders";
import { endpoint } from "../endpoint";
import { marketNamed } from "../markets";
import { toPlaceOrderInput } from "../new-order";
import {
  allPages,
  CancelledOrder,
  cancelledOrderAnswer,
  NewOrderAnswer,
  newOrderAnswer,
  orUnknown,
  UNKNOWN_ORDER,
} from "../order-answers";
import { ClientOrderIdParam, DecimalParam, NewOrderParams } from "../order-params";
import { IntegerParam, SymbolParam } from "../params";
import { toBinanceSymbol } from "../symbols";

/** The leg that rests or takes profit, and the stop that guards the other way. */
const PROFIT_TYPES = ["LIMIT_MAKER", "TAKE_PROFIT", "TAKE_PROFIT_LIMIT"] as const;
const STOP_TYPES = ["STOP_LOSS", "STOP_LOSS_LIMIT"] as const;
const LEG_TYPES = [...PROFIT_TYPES, ...STOP_TYPES] as const;

const LegType = z.enum(LEG_TYPES);
const LegTimeInForce = z.enum(BINANCE_TIME_IN_FORCE).optional();

const OcoParams = z.object({
  symbol: SymbolParam,
  listClientOrderId: z
    .string()
    .optional()
    .meta({ description: "Not kept: the list is named oco-<orderListId>." }),
  side: z.enum(BINANCE_SIDES),
  quantity: DecimalParam,
  aboveType: LegType,
  aboveClientOrderId: ClientOrderIdParam.optional(),
  abovePrice: DecimalParam.optional(),
  aboveStopPrice: DecimalParam.optional(),
  aboveTrailingDelta: IntegerParam.optional(),
  aboveTimeInForce: LegTimeInForce,
  aboveIcebergQty: DecimalParam.optional(),
  belowType: LegType,
  belowClientOrderId: ClientOrderIdParam.optional(),
  belowPrice: DecimalParam.optional(),
  belowStopPrice: DecimalParam.optional(),
  belowTrailingDelta: IntegerParam.optional(),
  belowTimeInForce: LegTimeInForce,
  belowIcebergQty: DecimalParam.optional(),
  newOrderRespType: NewOrderParams.shape.newOrderRespType,
  selfTradePreventionMode: NewOrderParams.shape.selfTradePreventionMode,
});
type OcoParams = z.output<typeof OcoParams>;

/** One leg as `POST /api/v3/order` would take it. */
function legOf(params: OcoParams, prefix: "above" | "below"): z.output<typeof NewOrderParams> {
  const leg = {
    symbol: params.symbol,
    side: params.side,
    type: params[`${prefix}Type`],
    quantity: params.quantity,
    price: params[`${prefix}Price`],
    stopPrice: params[`${prefix}StopPrice`],
    trailingDelta: params[`${prefix}TrailingDelta`],
    timeInForce: params[`${prefix}TimeInForce`],
    icebergQty: params[`${prefix}IcebergQty`],
    newClientOrderId: params[`${prefix}ClientOrderId`],
    selfTradePreventionMode: params.selfTradePreventionMode,
  };
  return Object.fromEntries(
    Object.entries(leg).filter(([, value]) => value !== undefined),
  ) as z.output<typeof NewOrderParams>;
}

const ListOrder = z.object({
  symbol: z.string(),
  orderId: z.number().int(),
  clientOrderId: z.string(),
});
const ListStatus = z.object({
  orderListId: z.number().int(),
  contingencyType: z.literal("OCO"),
  listStatusType: z.enum(["EXEC_STARTED", "ALL_DONE"]),
  listOrderStatus: z.enum(["EXECUTING", "ALL_DONE"]),
  listClientOrderId: z.string(),
  transactionTime: z.number().int(),
  symbol: z.string(),
  orders: z.array(ListOrder),
});

const LIVE = new Set(["untriggered", "open", "partially_filled"]);

/** An OCO's status in Binance's words, from its two legs (lower id first). */
function listStatusOf(legs: OrderView[]): z.input<typeof ListStatus> {
  const [first] = legs;
  if (!first) throw UNKNOWN_ORDER();
  const orderListId = orderListIdOf(first);
  const executing = legs.some((leg) => LIVE.has(leg.status));
  return {
    orderListId,
    contingencyType: "OCO",
    listStatusType: executing ? "EXEC_STARTED" : "ALL_DONE",
    listOrderStatus: executing ? "EXECUTING" : "ALL_DONE",
    listClientOrderId: `oco-${orderListId}`,
    transactionTime: Math.max(...legs.map((leg) => epochMillis(leg.updatedAt))),
    symbol: toBinanceSymbol(first.symbol),
    orders: legs.map((leg) => ({
      symbol: toBinanceSymbol(leg.symbol),
      orderId: Number(leg.id),
      clientOrderId: leg.clientOrderId ?? "",
    })),
  };
}

/** Both legs of the OCO an order belongs to, lower id first; a lone order is not a list. */
async function legsOf(procedures: Procedures, orderId: string): Promise<OrderView[]> {
  const order = await orUnknown(procedures.orders.get({ orderId }), UNKNOWN_ORDER);
  if (order.ocoOrderId === null) throw UNKNOWN_ORDER();
  const partner = await orUnknown(
    procedures.orders.get({ orderId: order.ocoOrderId }),
    UNKNOWN_ORDER,
  );
  return [order, partner].sort((a, b) => Number(a.id) - Number(b.id));
}

/**
 * `POST /api/v3/orderList/oco` (TRADE): an OCO as two `orders.place` calls, the profit leg
 * first, then the stop linked to it with `ocoWith`. Not atomic as Binance's is: when the stop
 * is refused, the first leg is cancelled again before the refusal is answered.
 */
export const newOco = endpoint({
  method: "POST",
  path: "/orderList/oco",
  summary: "New order list - OCO",
  description:
    "One LIMIT_MAKER, TAKE_PROFIT or TAKE_PROFIT_LIMIT leg and one STOP_LOSS or STOP_LOSS_LIMIT leg; when one fills or triggers, the other is cancelled.",
  security: "TRADE",
  weight: 1,
  params: OcoParams,
  response: ListStatus.extend({ orderReports: z.array(NewOrderAnswer) }),
  handle: async (c, params) => {
    const procedures = await c.var.procedures();
    const market = await marketNamed(c, params.symbol);
    const [above, below] = [legOf(params, "above"), legOf(params, "below")];
    const isProfit = (type: string) => (PROFIT_TYPES as readonly string[]).includes(type);
    if (isProfit(above.type) === isProfit(below.type)) {
      throw new BinanceError(-1014, "Unsupported order combination");
    }
    const [profit, stop] = isProfit(above.type) ? [above, below] : [below, above];
    const profitInput = await toPlaceOrderInput(procedures, market, profit);
    const stopInput = await toPlaceOrderInput(procedures, market, stop);
    const first = await procedures.orders.place(profitInput);
    try {
      await procedures.orders.place({ ...stopInput, ocoWith: first.id });
    } catch (error) {
      await procedures.orders.cancel({ orderId: first.id }).catch(() => undefined);
      throw error;
    }
    const legs = await legsOf(procedures, first.id);
    const respType = params.newOrderRespType ?? "ACK";
    return {
      ...listStatusOf(legs),
      // Read again: the first leg is linked to the second only once that is placed.
      orderReports: await Promise.all(legs.map((leg) => newOrderAnswer(procedures, leg, respType))),
    };
  },
});

const ListTarget = z.object({
  orderListId: IntegerParam.optional(),
  origClientOrderId: z.string().optional().meta({ description: "The list's oco-<orderListId>." }),
});

/** The list a request names by `orderListId` or its `oco-<id>` name. */
function listIdOf(params: z.output<typeof ListTarget>): string {
  const named = /^oco-([1-9][0-9]{0,15})$/.exec(params.origClientOrderId ?? "")?.[1];
  const id = params.orderListId ?? (named === undefined ? undefined : Number(named));
  if (id === undefined) {
    if (params.origClientOrderId !== undefined) throw UNKNOWN_ORDER();
    throw new BinanceError(
      -1102,
      "Param 'origClientOrderId' or 'orderListId' must be sent, but both were empty/null!",
    );
  }
  if (!Number.isSafeInteger(id) || id < 1) throw UNKNOWN_ORDER();
  return String(id);
}

/** `GET /api/v3/orderList` (USER_DATA): one OCO of the account. */
export const queryOrderList = endpoint({
  method: "GET",
  path: "/orderList",
  summary: "Query order list",
  security: "USER_DATA",
  weight: 4,
  params: ListTarget,
  response: ListStatus,
  handle: async (c, params) => {
    const procedures = await c.var.procedures();
    const legs = await legsOf(procedures, listIdOf(params));
    if (legs[0]?.id !== listIdOf(params)) throw UNKNOWN_ORDER();
    return listStatusOf(legs);
  },
});

/** `DELETE /api/v3/orderList` (TRADE): cancels both legs of an OCO. */
export const cancelOrderList = endpoint({
  method: "DELETE",
  path: "/orderList",
  summary: "Cancel order list",
  security: "TRADE",
  weight: 1,
  params: ListTarget.extend({ symbol: SymbolParam }),
  response: ListStatus.extend({ orderReports: z.array(CancelledOrder) }),
  handle: async (c, params) => {
    const procedures = await c.var.procedures();
    const id = listIdOf(params);
    const legs = await legsOf(procedures, id);
    if (legs[0]?.id !== id || legs.some((leg) => toBinanceSymbol(leg.symbol) !== params.symbol)) {
      throw UNKNOWN_ORDER();
    }
    if (!legs.some((leg) => LIVE.has(leg.status))) throw UNKNOWN_ORDER();
    // Cancelling one leg cancels its partner in the engine; the second call finds it done.
    for (const leg of legs) {
      if (LIVE.has(leg.status)) {
        await procedures.orders.cancel({ orderId: leg.id }).catch(() => undefined);
      }
    }
    const after = await legsOf(procedures, id);
    return {
      ...listStatusOf(after),
      orderReports: after.map((leg) => cancelledOrderAnswer(leg, leg.clientOrderId ?? "")),
    };
  },
});

/** `GET /api/v3/openOrderList` (USER_DATA): the account's OCOs with a leg still live. */
export const openOrderLists = endpoint({
  method: "GET",
  path: "/openOrderList",
  summary: "Query open order lists",
  security: "USER_DATA",
  weight: 6,
  params: z.object({}),
  response: z.array(ListStatus),
  handle: async (c) => {
    const procedures = await c.var.procedures();
    const open = await allPages((cursor) =>
      procedures.orders.list({ status: "open", limit: 500, ...(cursor ? { cursor } : {}) }),
    );
    const lists = new Map<number, OrderView[]>();
    for (const order of open) {
      if (order.ocoOrderId === null) continue;
      const listId = orderListIdOf(order);
      lists.set(listId, [...(lists.get(listId) ?? []), order]);
    }
    const answers = [];
    for (const [listId, legs] of [...lists].sort(([a], [b]) => a - b)) {
      const both = legs.length === 2 ? legs : await legsOf(procedures, String(listId));
      answers.push(listStatusOf(both.sort((a, b) => Number(a.id) - Number(b.id))));
    }
    return answers;
  },
});
