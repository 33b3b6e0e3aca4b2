import { CLIENT_ORDER_ID_PATTERN } from "@cryptotrade/contract/limits";
import { z } from "zod";
import { BinanceError } from "./binance-errors";
import {
  BINANCE_ORDER_TYPES,
  BINANCE_SIDES,
  BINANCE_TIME_IN_FORCE,
  type BinanceOrderType,
} from "./binance-orders";
import { SymbolParam } from "./params";

// Binance's own patterns, quoted in its -1100 messages.
const DECIMAL = /^([0-9]{1,20})(\.[0-9]{1,20})?$/;
const INTEGER = /^[0-9]{1,20}$/;

/** A decimal as Binance reads one: digits, at most one point; no sign, exponent or hex. */
export const DecimalParam = z.string().regex(DECIMAL).meta({ example: "0.01000000" });
/** A whole number such as `orderId`, `startTime` or `limit`. */
export const IntegerParam = z.string().regex(INTEGER).transform(Number);
/** The caller's id for an order (ours allows 1-64 of letters, digits and `_:.-`). */
export const ClientOrderIdParam = z.string().regex(CLIENT_ORDER_ID_PATTERN);

const NEW_ORDER_RESP_TYPES = ["ACK", "RESULT", "FULL"] as const;
/** The self-trade prevention modes the engine runs; NONE, DECREMENT and TRANSFER it does not. */
const STP_PARAM = ["EXPIRE_TAKER", "EXPIRE_MAKER", "EXPIRE_BOTH"] as const;

/** `POST /api/v3/order` and `/order/test`: an order as Binance describes one. */
export const NewOrderParams = z.object({
  symbol: SymbolParam,
  side: z.enum(BINANCE_SIDES),
  type: z.enum(BINANCE_ORDER_TYPES),
  timeInForce: z.enum(BINANCE_TIME_IN_FORCE).optional(),
  quantity: DecimalParam.optional().meta({ description: "Base amount." }),
  quoteOrderQty: DecimalParam.optional().meta({
    description: "MARKET only: the quote amount to spend or receive instead of a quantity.",
  }),
  price: DecimalParam.optional(),
  newClientOrderId: ClientOrderIdParam.optional().meta({
    description: "Your id for the order; sending it again answers the same order (idempotent).",
  }),
  stopPrice: DecimalParam.optional().meta({
    description: "STOP_LOSS(_LIMIT) and TAKE_PROFIT_LIMIT: the trigger price.",
  }),
  trailingDelta: IntegerParam.optional().meta({
    description:
      "STOP_LOSS only: trail the market by this many basis points (10-2000), set as a price distance at the last price when placed.",
  }),
  icebergQty: DecimalParam.optional().meta({ description: "Not supported: refused with -2010." }),
  newOrderRespType: z.enum(NEW_ORDER_RESP_TYPES).optional().meta({
    description:
      "ACK, RESULT or FULL (with fills); MARKET and LIMIT default to FULL, others to ACK.",
  }),
  selfTradePreventionMode: z.enum(STP_PARAM).optional().meta({
    description: "EXPIRE_TAKER (the default), EXPIRE_MAKER or EXPIRE_BOTH.",
  }),
  strategyId: IntegerParam.optional().meta({ description: "Accepted and not kept." }),
  strategyType: IntegerParam.optional().meta({ description: "Accepted and not kept." }),
});
export type NewOrderParams = z.output<typeof NewOrderParams>;

type Named = "timeInForce" | "quantity" | "quoteOrderQty" | "price" | "stopPrice" | "trailingDelta";

/** What each type needs and may take (rest-api.md, "Other info" of New order). */
const SHAPES: Record<BinanceOrderType, { required: Named[]; optional: Named[] }> = {
  LIMIT: { required: ["timeInForce", "quantity", "price"], optional: [] },
  MARKET: { required: [], optional: ["quantity", "quoteOrderQty"] },
  LIMIT_MAKER: { required: ["quantity", "price"], optional: [] },
  STOP_LOSS: { required: ["quantity"], optional: ["stopPrice", "trailingDelta"] },
  TAKE_PROFIT: { required: ["quantity"], optional: ["stopPrice", "trailingDelta"] },
  STOP_LOSS_LIMIT: {
    required: ["timeInForce", "quantity", "price"],
    optional: ["stopPrice", "trailingDelta"],
  },
  TAKE_PROFIT_LIMIT: {
    required: ["timeInForce", "quantity", "price"],
    optional: ["stopPrice", "trailingDelta"],
  },
};

const NAMED: Named[] = [
  "timeInForce",
  "quantity",
  "quoteOrderQty",
  "price",
  "stopPrice",
  "trailingDelta",
];

/**
 * Binance's checks of which parameters an order type takes: a missing one is -1102, one the
 * type does not use -1106, a stop without `stopPrice` or `trailingDelta` -1102.
 *
 * @example
 * checkOrderShape({ type: "MARKET", price: "1.00", ... }) // throws -1106 "Parameter 'price' sent when not required."
 */
export function checkOrderShape(params: NewOrderParams): void {
  const { required, optional } = SHAPES[params.type];
  for (const name of NAMED) {
    const sent = params[name] !== undefined;
    if (required.includes(name) && !sent) {
      throw new BinanceError(
        -1102,
        `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`,
      );
    }
    if (sent && !required.includes(name) && !optional.includes(name)) {
      throw new BinanceError(-1106, `Parameter '${name}' sent when not required.`);
    }
  }
  if (params.type === "MARKET") {
    if (params.quantity === undefined && params.quoteOrderQty === undefined) {
      throw new BinanceError(
        -1102,
        "Param 'quantity' or 'quoteOrderQty' must be sent, but both were empty/null!",
      );
    }
    if (params.quantity !== undefined && params.quoteOrderQty !== undefined) {
      throw new BinanceError(-1106, "Parameter 'quoteOrderQty' sent when not required.");
    }
  }
  if (optional.includes("stopPrice") && !params.stopPrice && params.trailingDelta === undefined) {
    throw new BinanceError(
      -1102,
      "Param 'stopPrice' or 'trailingDelta' must be sent, but both were empty/null!",
    );
  }
}

/** The order Binance's query, cancel and amend endpoints name: by `orderId` or `origClientOrderId`. */
export const OrderTargetParams = z.object({
  symbol: SymbolParam,
  orderId: IntegerParam.optional(),
  origClientOrderId: z.string().optional().meta({ description: "The order's clientOrderId." }),
});

/**
 * The order a request names, as the procedures take it; neither is -1102 in Binance's words.
 * An id or clientOrderId the exchange could never have given answers `unknown` (not found).
 */
export function orderTargetOf(
  params: z.output<typeof OrderTargetParams>,
  unknown: () => BinanceError,
): { orderId: string } | { clientOrderId: string } {
  if (params.orderId !== undefined) {
    if (!Number.isSafeInteger(params.orderId) || params.orderId < 1) throw unknown();
    return { orderId: String(params.orderId) };
  }
  if (params.origClientOrderId !== undefined) {
    if (!CLIENT_ORDER_ID_PATTERN.test(params.origClientOrderId)) throw unknown();
    return { clientOrderId: params.origClientOrderId };
  }
  throw new BinanceError(
    -1102,
    "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!",
  );
}

/** `limit` of the list endpoints: 500 unless given, at most 1000. */
export const LimitParam = IntegerParam.pipe(z.number().int().min(1).max(1000))
  .optional()
  .meta({ description: "How many to answer: default 500, max 1000." });
