import { invalidInput } from "./errors";
import type { MarketInfo } from "./markets";
import { formatDecimal, parseDecimal } from "./money";
import type { OrderRecord } from "./records";

export type OrderSide = OrderRecord["side"];
export type OrderType = OrderRecord["type"];
export type TimeInForce = OrderRecord["timeInForce"];
export type StpMode = OrderRecord["stp"];

/** An order as the API receives it: amounts are decimal strings. */
export interface PlaceOrderInput {
  symbol: string;
  side: OrderSide;
  type: OrderType;
  quantity?: string;
  price?: string;
  quoteQuantity?: string;
  stopPrice?: string;
  trailingDelta?: string;
  timeInForce?: TimeInForce;
  postOnly?: boolean;
  stp?: StpMode;
  clientOrderId?: string;
  ocoWith?: number;
}

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

type Field = "quantity" | "price" | "quoteQuantity" | "stopPrice" | "trailingDelta";

// Which amounts each order type takes; anything else present is a mistake worth reporting.
const FIELDS: Record<OrderType, { required: Field[]; optional: Field[] }> = {
  limit: { required: ["price", "quantity"], optional: [] },
  market: { required: [], optional: ["quantity", "quoteQuantity"] },
  stop_limit: { required: ["price", "stopPrice", "quantity"], optional: [] },
  take_profit_limit: { required: ["price", "stopPrice", "quantity"], optional: [] },
  stop_market: { required: ["stopPrice", "quantity"], optional: [] },
  trailing_stop: { required: ["trailingDelta", "quantity"], optional: [] },
};

/**
 * Checks an order against its market's rules and converts it to minor units. Every message
 * names the field and the rule, in the market's own units.
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
      throw invalidInput(field, `is required for a ${input.type} order`);
    }
    if (present && !required.includes(field) && !optional.includes(field)) {
      throw invalidInput(field, `is not used by a ${input.type} order`);
    }
  }
  if (
    input.type === "market" &&
    (input.quantity === undefined) === (input.quoteQuantity === undefined)
  ) {
    throw invalidInput("quantity", "a market order takes either quantity or quoteQuantity");
  }
  if (input.postOnly && input.type !== "limit") {
    throw invalidInput("postOnly", "only a limit order can be post-only");
  }
  if (input.postOnly && (input.timeInForce ?? "GTC") !== "GTC") {
    throw invalidInput("timeInForce", "a post-only order rests on the book, so it must be GTC");
  }
  if (input.ocoWith !== undefined && input.type === "market") {
    throw invalidInput("ocoWith", "a market order cannot be one-cancels-the-other");
  }

  const price = readPrice(market, "price", input.price);
  const stopPrice = readPrice(market, "stopPrice", input.stopPrice);
  const trailingDelta = readPrice(market, "trailingDelta", input.trailingDelta);
  const quantity = readQuantity(market, input.quantity);
  const quoteQuantity = readAmount("quoteQuantity", input.quoteQuantity, market.quoteDecimals);

  const notionalPrice = price ?? stopPrice;
  if (quantity !== null && notionalPrice !== null) {
    const notional = (notionalPrice * quantity) / 10n ** BigInt(market.baseDecimals);
    if (notional < market.minNotional) throw belowMinNotional(market, "quantity");
  }
  if (quoteQuantity !== null && quoteQuantity < market.minNotional) {
    throw belowMinNotional(market, "quoteQuantity");
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

function readAmount(field: Field, text: string | undefined, decimals: number): bigint | null {
  if (text === undefined) return null;
  const parsed = parseDecimal(text, decimals);
  if (!parsed.ok) {
    throw invalidInput(
      field,
      parsed.reason === "precision"
        ? `has more than ${decimals} decimals`
        : 'must be a plain positive decimal string such as "1.25"',
    );
  }
  if (parsed.value <= 0n) throw invalidInput(field, "must be greater than zero");
  return parsed.value;
}

/** Parses a price field: positive, on the tick grid, at most the market's max price. */
export function readPrice(
  market: MarketInfo,
  field: Field,
  text: string | undefined,
): bigint | null {
  const value = readAmount(field, text, market.quoteDecimals);
  if (value === null) return null;
  const tick = formatDecimal(market.tickSize, market.quoteDecimals);
  if (value % market.tickSize !== 0n) {
    throw invalidInput(field, `must be a multiple of the tick size ${tick}`);
  }
  if (value > market.maxPrice) {
    throw invalidInput(
      field,
      `must be at most ${formatDecimal(market.maxPrice, market.quoteDecimals)}`,
    );
  }
  return value;
}

/** Parses a quantity: a whole number of lots between the market's min and max. */
export function readQuantity(market: MarketInfo, text: string | undefined): bigint | null {
  const value = readAmount("quantity", text, market.baseDecimals);
  if (value === null) return null;
  const show = (v: bigint) => formatDecimal(v, market.baseDecimals);
  if (value % market.lotSize !== 0n) {
    throw invalidInput("quantity", `must be a multiple of the lot size ${show(market.lotSize)}`);
  }
  if (value < market.minQuantity) {
    throw invalidInput("quantity", `must be at least ${show(market.minQuantity)}`);
  }
  if (value > market.maxQuantity) {
    throw invalidInput("quantity", `must be at most ${show(market.maxQuantity)}`);
  }
  return value;
}

/** The refusal for an order worth less than the market's minimum notional. */
export function belowMinNotional(market: MarketInfo, field: Field) {
  const min = formatDecimal(market.minNotional, market.quoteDecimals);
  return invalidInput(
    field,
    `the order is worth less than the minimum of ${min} ${market.quoteAsset}`,
  );
}
