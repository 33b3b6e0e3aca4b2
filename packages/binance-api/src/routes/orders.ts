import { z } from "zod";
import { BinanceOrder, toBinanceOrder } from "../binance-orders";
import { endpoint } from "../endpoint";
import { marketNamed } from "../markets";
import { toPlaceOrderInput } from "../new-order";
import {
  CancelledOrder,
  cancelledOrderAnswer,
  NewOrderAnswer,
  newOrderAnswer,
  ORDER_DOES_NOT_EXIST,
  orUnknown,
  UNKNOWN_ORDER,
} from "../order-answers";
import { checkOrder, rate } from "../order-check";
import {
  ClientOrderIdParam,
  NewOrderParams,
  OrderTargetParams,
  orderTargetOf,
} from "../order-params";
import { toBinanceSymbol } from "../symbols";

/** `POST /api/v3/order` (TRADE): places an order through `orders.place`. */
export const newOrder = endpoint({
  method: "POST",
  path: "/order",
  summary: "New order",
  description:
    "Places an order through the same procedure as the web app (orders.place). A retry with the same newClientOrderId answers the order already placed.",
  security: "TRADE",
  weight: 1,
  params: NewOrderParams,
  response: NewOrderAnswer,
  handle: async (c, params) => {
    const procedures = await c.var.procedures();
    const market = await marketNamed(c, params.symbol);
    const order = await procedures.orders.place(
      await toPlaceOrderInput(procedures, market, params),
    );
    const defaultType = params.type === "MARKET" || params.type === "LIMIT" ? "FULL" : "ACK";
    return newOrderAnswer(procedures, order, params.newOrderRespType ?? defaultType);
  },
});

/** Commission rates with eight decimals, as Binance writes them. */
const Rates = z.object({ maker: z.string(), taker: z.string() });

/** `POST /api/v3/order/test` (TRADE): checks an order as `/order` would, placing nothing. */
export const testNewOrder = endpoint({
  method: "POST",
  path: "/order/test",
  summary: "Test new order",
  description:
    "Checks the parameters and the market's filters as /order would, without placing anything; balances are not checked.",
  security: "TRADE",
  weight: (params) => (params.computeCommissionRates ? 20 : 1),
  weightDescription: "1, or 20 with `computeCommissionRates`.",
  params: NewOrderParams.extend({
    computeCommissionRates: z
      .enum(["true", "false"])
      .transform((value) => value === "true")
      .optional(),
  }),
  response: z
    .object({
      standardCommissionForOrder: Rates,
      taxCommissionForOrder: Rates,
      discount: z.object({
        enabledForAccount: z.boolean(),
        enabledForSymbol: z.boolean(),
        discountAsset: z.string(),
        discount: z.string(),
      }),
    })
    .partial()
    .meta({ description: "Empty unless computeCommissionRates=true." }),
  handle: async (c, params) => {
    const procedures = await c.var.procedures();
    const market = await marketNamed(c, params.symbol);
    await checkOrder(market, await toPlaceOrderInput(procedures, market, params));
    if (!params.computeCommissionRates) return {};
    return {
      standardCommissionForOrder: { maker: rate(market.makerFee), taker: rate(market.takerFee) },
      taxCommissionForOrder: { maker: rate("0"), taker: rate("0") },
      discount: {
        enabledForAccount: false,
        enabledForSymbol: false,
        discountAsset: "BNB",
        discount: rate("0"),
      },
    };
  },
});

/** `GET /api/v3/order` (USER_DATA): one of the account's orders. */
export const queryOrder = endpoint({
  method: "GET",
  path: "/order",
  summary: "Query order",
  description: "One of the account's orders, by orderId or origClientOrderId.",
  security: "USER_DATA",
  weight: 4,
  params: OrderTargetParams,
  response: BinanceOrder,
  handle: async (c, params) => {
    const procedures = await c.var.procedures();
    const target = orderTargetOf(params, ORDER_DOES_NOT_EXIST);
    const order = await orUnknown(procedures.orders.get(target), ORDER_DOES_NOT_EXIST);
    if (toBinanceSymbol(order.symbol) !== params.symbol) throw ORDER_DOES_NOT_EXIST();
    return toBinanceOrder(order);
  },
});

/** `DELETE /api/v3/order` (TRADE): cancels one of the account's open orders. */
export const cancelOrder = endpoint({
  method: "DELETE",
  path: "/order",
  summary: "Cancel order",
  description:
    "Cancels an open order (through orders.cancel); an unknown, finished or another account's order is -2011.",
  security: "TRADE",
  weight: 1,
  params: OrderTargetParams.extend({
    newClientOrderId: ClientOrderIdParam.optional().meta({ description: "The cancel's own id." }),
  }),
  response: CancelledOrder,
  handle: async (c, params) => {
    const procedures = await c.var.procedures();
    const target = orderTargetOf(params, UNKNOWN_ORDER);
    const order = await orUnknown(procedures.orders.get(target), UNKNOWN_ORDER);
    if (toBinanceSymbol(order.symbol) !== params.symbol) throw UNKNOWN_ORDER();
    const cancelled = await orUnknown(
      procedures.orders.cancel({ orderId: order.id }),
      UNKNOWN_ORDER,
    );
    return cancelledOrderAnswer(
      cancelled,
      params.newClientOrderId ?? cancelled.clientOrderId ?? "",
    );
  },
});
