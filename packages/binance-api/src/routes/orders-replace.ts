import { z } from "zod";
import { BinanceError, binanceAnswerOf } from "../binance-errors";
import { endpoint } from "../endpoint";
import { marketNamed } from "../markets";
import { toPlaceOrderInput } from "../new-order";
import {
  CancelledOrder,
  cancelledOrderAnswer,
  NewOrderAnswer,
  newOrderAnswer,
  orUnknown,
  UNKNOWN_ORDER,
} from "../order-answers";
import { ClientOrderIdParam, NewOrderParams, orderTargetOf } from "../order-params";
import { IntegerParam } from "../params";
import { toBinanceSymbol } from "../symbols";

const Refusal = z.object({ code: z.number().int(), msg: z.string() });
const Result = z.enum(["SUCCESS", "FAILURE", "NOT_ATTEMPTED"]);
const Outcome = z.object({
  cancelResult: Result,
  newOrderResult: Result,
  cancelResponse: z.union([CancelledOrder, Refusal]),
  newOrderResponse: z.union([NewOrderAnswer, Refusal]).nullable(),
});

/** A refusal as the `data` of a cancel-replace answers it. */
function refusalOf(error: unknown): z.infer<typeof Refusal> {
  const { code, msg } = binanceAnswerOf(error);
  return { code, msg };
}

/**
 * `POST /api/v3/order/cancelReplace` (TRADE): cancels an order, then places a new one, as two
 * procedure calls (`orders.cancel`, then `orders.place`): not atomic, as on Binance, whose
 * answers for each half failing it gives (-2022 with 400, -2021 with 409).
 */
export const cancelReplaceOrder = endpoint({
  method: "POST",
  path: "/order/cancelReplace",
  summary: "Cancel an existing order and send a new order",
  description:
    "ccxt's editOrder. The cancel and the new order are two steps through orders.cancel and orders.place.",
  security: "TRADE",
  weight: 1,
  params: NewOrderParams.extend({
    cancelReplaceMode: z.enum(["STOP_ON_FAILURE", "ALLOW_FAILURE"]),
    cancelOrderId: IntegerParam.optional(),
    cancelOrigClientOrderId: z.string().optional(),
    cancelNewClientOrderId: ClientOrderIdParam.optional(),
  }),
  response: z.union([
    Outcome,
    Refusal.extend({ data: Outcome }).meta({ description: "When either half failed." }),
  ]),
  handle: async (c, params) => {
    const procedures = await c.var.procedures();
    const market = await marketNamed(c, params.symbol);
    // Binance checks the new order's filters before cancelling anything.
    const input = await toPlaceOrderInput(procedures, market, params);
    const target = orderTargetOf(
      {
        symbol: params.symbol,
        orderId: params.cancelOrderId,
        origClientOrderId: params.cancelOrigClientOrderId,
      },
      UNKNOWN_ORDER,
    );
    let cancelResponse: z.input<typeof Outcome>["cancelResponse"];
    let cancelled = false;
    try {
      const order = await orUnknown(procedures.orders.get(target), UNKNOWN_ORDER);
      if (toBinanceSymbol(order.symbol) !== params.symbol) throw UNKNOWN_ORDER();
      const done = await orUnknown(procedures.orders.cancel({ orderId: order.id }), UNKNOWN_ORDER);
      cancelResponse = cancelledOrderAnswer(done, params.cancelNewClientOrderId ?? "");
      cancelled = true;
    } catch (error) {
      if (!(error instanceof BinanceError) && binanceAnswerOf(error).code === -1000) throw error;
      cancelResponse = refusalOf(error);
    }
    if (!cancelled && params.cancelReplaceMode === "STOP_ON_FAILURE") {
      c.status(400);
      return {
        code: -2022,
        msg: "Order cancel-replace failed.",
        data: {
          cancelResult: "FAILURE" as const,
          newOrderResult: "NOT_ATTEMPTED" as const,
          cancelResponse,
          newOrderResponse: null,
        },
      };
    }
    let newOrderResponse: z.input<typeof Outcome>["newOrderResponse"];
    let placed = false;
    try {
      const order = await procedures.orders.place(input);
      const defaultType = params.type === "MARKET" || params.type === "LIMIT" ? "FULL" : "ACK";
      newOrderResponse = await newOrderAnswer(
        procedures,
        order,
        params.newOrderRespType ?? defaultType,
      );
      placed = true;
    } catch (error) {
      if (binanceAnswerOf(error).code === -1000) throw error;
      newOrderResponse = refusalOf(error);
    }
    const data = {
      cancelResult: cancelled ? ("SUCCESS" as const) : ("FAILURE" as const),
      newOrderResult: placed ? ("SUCCESS" as const) : ("FAILURE" as const),
      cancelResponse,
      newOrderResponse,
    };
    if (cancelled && placed) return data;
    if (cancelled || placed) {
      c.status(409);
      return { code: -2021, msg: "Order cancel-replace partially failed.", data };
    }
    c.status(400);
    return { code: -2022, msg: "Order cancel-replace failed.", data };
  },
});
