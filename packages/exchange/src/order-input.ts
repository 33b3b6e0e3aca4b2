import {
  AMOUNT_LABELS,
  type AmountField,
  checkMinNotional,
  notionalOf,
  type PriceField,
  type RuleBreak,
  type RuleResult,
  readAmount,
  readPrice,
  readQuantity,
} from "@cryptotrade/contract/market-rules";
import type { PlaceOrderInput } from "@cryptotrade/contract/orders";
import { type ExchangeError, invalidInput } from "./errors";
import type { MarketInfo } from "./markets";
import type { OrderRecord } from "./records";

type OrderSide = OrderRecord["side"];
type OrderType = OrderRecord["type"];
type TimeInForce = OrderRecord["timeInForce"];
type StpMode = OrderRecord["stp"];

/** An order as the API receives it (the contract's schema): amounts are decimal strings. */
export type { PlaceOrderInput };

/** A validated order in minor units, ready for the sequencer. */
export interface PlaceOrderRequest {
  userId: number;
  symbol: string;
  side: OrderSide;
  type: OrderType;
  quantity: bigint | null;
  price: bigint | null;
  quoteQuantity: bigint | null;
  stopPrice: bigint | null;
  trailingDelta: bigint | null;
  timeInForce: TimeInForce;
  postOnly: boolean;
  stp: StpMode;
  clientOrderId: string | null;
  ocoWith: number | null;
}

type Field = AmountField;

// Which amounts each order type takes; anything else present is a mistake worth reporting.
const FIELDS: Record<OrderType, { required: Field[]; optional: Field[] }> = {
  limit: { required: ["price", "quantity"], optional: [] },
  market: { required: [], optional: ["quantity", "quoteQuantity"] },
  stop_limit: { required: ["price", "stopPrice", "quantity"], optional: [] },
  take_profit_limit: { required: ["price", "stopPrice", "quantity"], optional: [] },
  stop_market: { required: ["stopPrice", "quantity"], optional: [] },
  take_profit_market: { required: ["stopPrice", "quantity"], optional: [] },
  trailing_stop: { required: ["trailingDelta", "quantity"], optional: [] },
};

/**
 * Checks an order against its market's rules (the contract's, which the web's order form runs
 * too) and converts it to minor units. Every refusal names the field and the rule.
 *
 * @example
 * toPlaceOrderRequest(btcUsdt, 7, { symbol: "BTC-USDT", side: "buy", type: "limit", price: "65000.00", quantity: "0.01" })
 */
export function toPlaceOrderRequest(
  market: MarketInfo,
  userId: number,
  input: PlaceOrderInput,
): PlaceOrderRequest {
  const { required, optional } = FIELDS[input.type];
  for (const field of [
    "quantity",
    "price",
    "quoteQuantity",
    "stopPrice",
    "trailingDelta",
  ] as const) {
    const present = input[field] !== undefined;
    if (required.includes(field) && !present) {
      const message = `${AMOUNT_LABELS[field]} is required for a ${input.type} order`;
      throw invalidInput("FIELD_REQUIRED", field, message);
    }
    if (present && !required.includes(field) && !optional.includes(field)) {
      const message = `${AMOUNT_LABELS[field]} is not used by a ${input.type} order`;
      throw invalidInput("FIELD_NOT_ALLOWED", field, message);
    }
  }
  if (
    input.type === "market" &&
    (input.quantity === undefined) === (input.quoteQuantity === undefined)
  ) {
    const message = "A market order takes either a quantity or a total (quoteQuantity)";
    throw invalidInput("INVALID_INPUT", "quantity", message);
  }
  if (input.postOnly && input.type !== "limit") {
    throw invalidInput("INVALID_INPUT", "postOnly", "Only a limit order can be post-only");
  }
  if (input.postOnly && (input.timeInForce ?? "GTC") !== "GTC") {
    const message = "A post-only order rests on the book, so it must be GTC";
    throw invalidInput("INVALID_INPUT", "timeInForce", message);
  }
  if (input.ocoWith !== undefined && input.type === "market") {
    const message = "A market order cannot be one-cancels-the-other";
    throw invalidInput("INVALID_OCO", "ocoWith", message);
  }

  const price = optionalPrice(market, "price", input.price);
  const stopPrice = optionalPrice(market, "stopPrice", input.stopPrice);
  const trailingDelta = optionalPrice(market, "trailingDelta", input.trailingDelta);
  const quantity = optionalQuantity(market, input.quantity);
  const quoteQuantity = readOptional(input.quoteQuantity, (text) =>
    readAmount("quoteQuantity", text, market.quoteDecimals),
  );

  const notionalPrice = price ?? stopPrice;
  if (quantity !== null && notionalPrice !== null) {
    const notional = notionalOf(notionalPrice, quantity, market.baseDecimals);
    const tooSmall = checkMinNotional(market, notional, "quantity");
    if (tooSmall) throw refusal(tooSmall);
  }
  if (quoteQuantity !== null) {
    const tooSmall = checkMinNotional(market, quoteQuantity, "quoteQuantity");
    if (tooSmall) throw refusal(tooSmall);
  }

  return {
    userId,
    symbol: market.symbol,
    side: input.side,
    type: input.type,
    quantity,
    price,
    quoteQuantity,
    stopPrice,
    trailingDelta,
    timeInForce: input.type === "market" ? "IOC" : (input.timeInForce ?? "GTC"),
    postOnly: input.postOnly ?? false,
    stp: input.stp ?? "cancel_newest",
    clientOrderId: input.clientOrderId ?? null,
    ocoWith: input.ocoWith ?? null,
  };
}

/** Parses a price field, when given, by the market's rules; refuses it otherwise. */
export function optionalPrice(
  market: MarketInfo,
  field: PriceField,
  text: string | undefined,
): bigint | null {
  return readOptional(text, (given) => readPrice(market, field, given));
}

/** Parses a quantity, when given, by the market's rules; refuses it otherwise. */
export function optionalQuantity(market: MarketInfo, text: string | undefined): bigint | null {
  return readOptional(text, (given) => readQuantity(market, given));
}

function readOptional(text: string | undefined, read: (text: string) => RuleResult): bigint | null {
  if (text === undefined) return null;
  const result = read(text);
  if (!result.ok) throw refusal(result.error);
  return result.value;
}

/** The exchange's error for a broken market rule. */
export function refusal(broken: RuleBreak): ExchangeError {
  return invalidInput(broken.reason, broken.field, broken.message);
}
