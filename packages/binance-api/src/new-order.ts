import { randomBytes } from "node:crypto";
import type { RouterInputs } from "@cryptotrade/api";
import { countDecimals, formatDecimal, toUnits } from "@cryptotrade/contract/money";
import type { Procedures } from "./binance-api";
import { BinanceError } from "./binance-errors";
import { STP_FROM_BINANCE } from "./binance-orders";
import type { MarketView } from "./markets";
import { checkOrderShape, type NewOrderParams } from "./order-params";

type PlaceOrderInput = RouterInputs["orders"]["place"];

/** Binance's TRAILING_DELTA filter bounds, in basis points (exchangeInfo does not list it). */
const TRAILING_DELTA_BIPS = { min: 10n, max: 2000n };
const UNSUPPORTED_COMBINATION = () => new BinanceError(-1014, "Unsupported order combination");

/**
 * A Binance new-order request as `orders.place` takes it. Checks what Binance checks before the
 * engine (which parameters each type takes), and what the exchange cannot do in Binance's
 * words (icebergs, a trailing stop with a limit or activation price, a trailing take-profit).
 * A trailing delta in basis points becomes a price distance at the market's last price.
 *
 * @example
 * await toPlaceOrderInput(procedures, market, { symbol: "BTCUSDT", side: "BUY", type: "LIMIT", timeInForce: "GTC", quantity: "0.01", price: "30000" });
 * // { symbol: "BTC-USDT", side: "buy", type: "limit", timeInForce: "GTC", quantity: "0.01", price: "30000", clientOrderId: "…" }
 */
export async function toPlaceOrderInput(
  procedures: Procedures,
  market: MarketView,
  params: NewOrderParams,
): Promise<PlaceOrderInput> {
  checkOrderShape(params);
  checkPrecision(market, params);
  if (params.icebergQty !== undefined) {
    throw new BinanceError(-2010, "Iceberg orders are not supported for this symbol.");
  }
  const common = {
    symbol: market.symbol,
    side: params.side === "BUY" ? ("buy" as const) : ("sell" as const),
    clientOrderId: params.newClientOrderId ?? newClientOrderId(),
    ...(params.selfTradePreventionMode
      ? { stp: STP_FROM_BINANCE[params.selfTradePreventionMode] }
      : {}),
  };
  const { quantity, price, stopPrice, timeInForce, trailingDelta } = params;
  switch (params.type) {
    case "LIMIT":
      return { ...common, type: "limit", quantity, price, timeInForce };
    case "LIMIT_MAKER":
      return { ...common, type: "limit", quantity, price, postOnly: true };
    case "MARKET":
      return params.quoteOrderQty !== undefined
        ? { ...common, type: "market", quoteQuantity: params.quoteOrderQty }
        : { ...common, type: "market", quantity };
    case "STOP_LOSS":
      if (trailingDelta === undefined)
        return { ...common, type: "stop_market", quantity, stopPrice };
      // Binance's stopPrice beside a trailingDelta is an activation price; the engine trails at once.
      if (stopPrice !== undefined) throw UNSUPPORTED_COMBINATION();
      return {
        ...common,
        type: "trailing_stop",
        quantity,
        trailingDelta: await trailingDistance(procedures, market, trailingDelta),
      };
    case "STOP_LOSS_LIMIT":
    case "TAKE_PROFIT_LIMIT":
      // The engine's trailing stop sends a market order; a trailing limit it does not have.
      if (trailingDelta !== undefined) throw UNSUPPORTED_COMBINATION();
      return {
        ...common,
        type: params.type === "STOP_LOSS_LIMIT" ? "stop_limit" : "take_profit_limit",
        quantity,
        price,
        stopPrice,
        timeInForce,
      };
    case "TAKE_PROFIT":
      // A trailing take-profit would be reported as STOP_LOSS (the engine's trailing stop), so
      // it is refused like the trailing limit types rather than renamed.
      if (trailingDelta !== undefined) throw UNSUPPORTED_COMBINATION();
      return { ...common, type: "take_profit_market", quantity, stopPrice };
  }
}

/**
 * A Binance trailing delta (basis points) as the engine's price distance: that share of the
 * last price, rounded down to the tick (at least one tick).
 */
async function trailingDistance(
  procedures: Procedures,
  market: MarketView,
  bips: number,
): Promise<string> {
  if (BigInt(bips) < TRAILING_DELTA_BIPS.min || BigInt(bips) > TRAILING_DELTA_BIPS.max) {
    throw new BinanceError(-1013, "Filter failure: TRAILING_DELTA");
  }
  const { last } = await procedures.market.ticker({ symbol: market.symbol });
  if (last === null) {
    throw new BinanceError(-2043, "This symbol doesn't have a reference price.");
  }
  const decimals = countDecimals(market.tickSize);
  const tick = toUnits(market.tickSize, decimals);
  const distance = (toUnits(last, decimals) * BigInt(bips)) / 10_000n;
  const onTick = distance - (distance % tick);
  return formatDecimal(onTick > 0n ? onTick : tick, decimals);
}

const ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/**
 * A clientOrderId for an order sent without one, as Binance gives every order one (22
 * characters); kept on the order, so it finds the order over tRPC as well.
 */
function newClientOrderId(): string {
  return Array.from(randomBytes(22), (byte) => ID_ALPHABET[byte % ID_ALPHABET.length]).join("");
}

/**
 * A number with more decimals than its asset has is -1111, as on Binance; more than the
 * step or tick allows (but within the asset's) is the filter's failure (-1013).
 */
function checkPrecision(market: MarketView, params: NewOrderParams): void {
  const baseDecimals = countDecimals(market.lotSize);
  const quoteDecimals = countDecimals(market.tickSize);
  const amounts = [
    ["quantity", params.quantity, baseDecimals],
    ["price", params.price, quoteDecimals],
    ["stopPrice", params.stopPrice, quoteDecimals],
    ["quoteOrderQty", params.quoteOrderQty, quoteDecimals],
  ] as const;
  for (const [name, value, decimals] of amounts) {
    if (value !== undefined && countDecimals(value.replace(/0+$/, "")) > decimals) {
      throw new BinanceError(-1111, `Parameter '${name}' has too much precision.`);
    }
  }
}
