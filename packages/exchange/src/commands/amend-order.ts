import { checkMinNotional, notionalOf } from "@cryptotrade/contract/market-rules";
import { formatDecimal } from "@cryptotrade/contract/money";
import type { EngineEvent } from "@cryptotrade/engine";
import type { Batch } from "../batch";
import { ExchangeError, invalidInput } from "../errors";
import { optionalPrice, optionalQuantity, refusal } from "../order-input";
import type { OrderRecord } from "../records";
import { applyEngineEvents } from "../settlement";
import type { ExchangeState, MarketState } from "../state";
import { type CancelTarget, findOwnLiveOrder } from "./cancel-order";
import { rejectionError } from "./rejections";

/** A change to a resting order as the API receives it: amounts are decimal strings. */
export interface AmendOrderInput {
  /** The new total quantity, what already filled included. */
  quantity?: string;
  price?: string;
}

/**
 * Changes the price and/or total quantity of one of the user's resting orders. A smaller
 * quantity at the same price keeps the order's place in the queue; anything else sends it to
 * the back (a new price that crosses trades first). The order's hold becomes exactly what
 * its new remainder may spend: more is held (or refused) before the engine moves, less is
 * released.
 */
export function amendOrder(
  state: ExchangeState,
  batch: Batch,
  userId: number,
  target: CancelTarget,
  input: AmendOrderInput,
): OrderRecord {
  const order = findOwnLiveOrder(state, userId, target);
  const market = state.markets.get(order.market);
  if (!market) {
    throw new ExchangeError("NOT_FOUND", "No open order with that id", { field: "orderId" });
  }
  if (market.info.status !== "trading") {
    throw new ExchangeError(
      "MARKET_HALTED",
      `${market.info.symbol} is halted; only cancels are accepted`,
    );
  }
  if (order.price === null || order.quantity === null || order.status === "untriggered") {
    const message = "Only an order resting on the book can be amended";
    throw invalidInput("ORDER_NOT_AMENDABLE", "orderId", message);
  }
  if (input.price === undefined && input.quantity === undefined) {
    throw invalidInput("FIELD_REQUIRED", "quantity", "Give a new quantity, a new price or both");
  }
  const price = optionalPrice(market.info, "price", input.price) ?? order.price;
  const quantity = optionalQuantity(market.info, input.quantity) ?? order.quantity;
  if (quantity <= order.filledQuantity) {
    const filled = formatDecimal(order.filledQuantity, market.info.baseDecimals);
    const message = `Quantity must be more than the ${filled} already filled`;
    throw invalidInput("INVALID_INPUT", "quantity", message);
  }
  const notional = notionalOf(price, quantity, market.info.baseDecimals);
  const field = input.quantity === undefined ? "price" : "quantity";
  const tooSmall = checkMinNotional(market.info, notional, field);
  if (tooSmall) throw refusal(tooSmall);

  const hold = holdFor(market, order, price, quantity);
  const heldAsset = order.side === "buy" ? market.info.quoteAsset : market.info.baseAsset;
  const extra = hold - order.held;
  if (extra > 0n && state.ledger.available(userId, heldAsset) < extra) {
    throw new ExchangeError(
      "INSUFFICIENT_FUNDS",
      `Insufficient ${heldAsset} available for this order`,
    );
  }

  const events = state.engine.execute({
    kind: "amend",
    market: order.market,
    orderId: order.id,
    price: input.price === undefined ? undefined : market.units.toTicks(price),
    quantity: input.quantity === undefined ? undefined : market.units.toLots(quantity),
  });
  const amended = events[0];
  if (amended?.type !== "amended") throw amendRefusal(market, amended);

  const ref = { refType: "order", refId: order.id } as const;
  if (extra > 0n) state.ledger.hold(userId, heldAsset, extra, ref);
  if (extra < 0n) state.ledger.release(userId, heldAsset, -extra, ref);
  order.held = hold;
  order.price = price;
  order.quantity = quantity;
  // Recovery rebuilds each queue in queueSeq order, so a lost place must be lost there too.
  if (!amended.priorityKept) order.queueSeq = state.nextQueueSeq++;
  batch.touchOrder(order);
  applyEngineEvents(state, batch, events);
  return order;
}

/** The most the order's remainder can spend at `price`: base for a sell, quote + fee for a buy. */
function holdFor(market: MarketState, order: OrderRecord, price: bigint, quantity: bigint): bigint {
  const remaining = quantity - order.filledQuantity;
  if (order.side === "sell") return remaining;
  const { units } = market;
  const ticks = units.toTicks(price) ?? 0;
  const lots = units.toLots(remaining) ?? 0;
  return units.withMaxFee(units.notional(ticks, lots));
}

function amendRefusal(market: MarketState, event: EngineEvent | undefined): ExchangeError {
  if (event?.type !== "rejected") {
    return new ExchangeError("INVALID_INPUT", "The order could not be amended");
  }
  return rejectionError(event.code, market.info, "price");
}
