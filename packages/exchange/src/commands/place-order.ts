import type { Command } from "@cryptotrade/engine";
import type { Batch } from "../batch";
import { ExchangeError, invalidInput, unknownMarket } from "../errors";
import type { PlaceOrderRequest } from "../order-input";
import type { OrderRecord } from "../records";
import { applyEngineEvents } from "../settlement";
import { clientOrderKey, type ExchangeState, type MarketState } from "../state";
import { rejectionError } from "./rejections";

/**
 * Places an order: returns the existing order for a repeated clientOrderId, checks and holds
 * the funds it may spend, runs the engine and settles what it did.
 */
export function placeOrder(
  state: ExchangeState,
  batch: Batch,
  request: PlaceOrderRequest,
): OrderRecord {
  const market = state.markets.get(request.symbol);
  if (!market) throw unknownMarket(request.symbol);
  if (request.clientOrderId) {
    const existing = state.clientOrderIds.get(
      clientOrderKey(request.userId, request.clientOrderId),
    );
    if (existing) return requireSamePayload(existing, request);
  }
  if (market.info.status !== "trading") {
    throw new ExchangeError(
      "MARKET_HALTED",
      `${market.info.symbol} is halted; only cancels are accepted`,
    );
  }
  if (request.ocoWith !== null) requireOcoPartner(state, request);

  const { command, hold } = toEngineCommand(state, market, request, state.nextOrderId);
  const heldAsset = request.side === "buy" ? market.info.quoteAsset : market.info.baseAsset;
  if (state.ledger.available(request.userId, heldAsset) < hold) {
    throw new ExchangeError(
      "INSUFFICIENT_FUNDS",
      `Insufficient ${heldAsset} available for this order`,
    );
  }

  const events = state.engine.execute(command);
  const first = events[0];
  if (first?.type === "rejected") {
    const field = outOfBandField(state, market, request);
    throw rejectionError(first.code, market.info, field);
  }
  state.nextOrderId += 1;
  const order: OrderRecord = {
    id: command.orderId,
    userId: request.userId,
    market: request.symbol,
    clientOrderId: request.clientOrderId,
    side: request.side,
    type: request.type,
    timeInForce: request.timeInForce,
    postOnly: request.postOnly,
    stp: request.stp,
    price: request.price,
    stopPrice: request.stopPrice,
    trailingDelta: request.trailingDelta,
    quantity: request.quantity,
    quoteQuantity: request.quoteQuantity,
    ocoOrderId: request.ocoWith,
    filledQuantity: 0n,
    filledQuote: 0n,
    feePaid: 0n,
    held: hold,
    status: "open",
    reason: null,
    engineState: engineStateOf(state, command, request),
    queueSeq: state.nextQueueSeq++,
    createdAt: batch.now,
    updatedAt: batch.now,
  };
  state.trackLive(order);
  if (request.ocoWith !== null) linkOco(state, batch, order, request.ocoWith);
  state.ledger.hold(order.userId, heldAsset, hold, { refType: "order", refId: order.id });
  applyEngineEvents(state, batch, events);
  batch.touchOrder(order);
  return order;
}

/**
 * What of the engine's own state the order keeps: a budget the exchange set (not the trader)
 * must survive a restart, and a trailing stop's watermark (the last price at placement, moved
 * by `trailingMoved` after) tells recovery where it was and the order view where it fires.
 */
function engineStateOf(
  state: ExchangeState,
  command: Extract<Command, { kind: "place" }>,
  request: PlaceOrderRequest,
): Record<string, string> | null {
  const engineState: Record<string, string> = {};
  if (command.quoteQuantity !== undefined && request.quoteQuantity === null) {
    engineState.quoteCap = String(command.quoteQuantity);
  }
  const watermark =
    request.type === "trailing_stop"
      ? state.engine.getOrder(command.orderId)?.watermark
      : undefined;
  if (watermark !== undefined) engineState.watermark = String(watermark);
  return Object.keys(engineState).length > 0 ? engineState : null;
}

/** The engine command and the most the order can spend, in the held asset's minor units. */
function toEngineCommand(
  state: ExchangeState,
  market: MarketState,
  request: PlaceOrderRequest,
  orderId: number,
): { command: Extract<Command, { kind: "place" }>; hold: bigint } {
  const { units } = market;
  const ticks = (value: bigint | null) => (value === null ? undefined : units.toTicks(value));
  const lots = request.quantity === null ? undefined : units.toLots(request.quantity);
  const command: Extract<Command, { kind: "place" }> = {
    kind: "place",
    market: request.symbol,
    orderId,
    userId: request.userId,
    side: request.side,
    type: request.type,
    price: ticks(request.price),
    stopPrice: ticks(request.stopPrice),
    trailingDelta: ticks(request.trailingDelta),
    quantity: lots,
    // Market-like orders take no time in force: whatever they cannot fill at once expires.
    timeInForce: isMarketLike(request.type) ? undefined : request.timeInForce,
    postOnly: request.postOnly,
    stp: request.stp,
    ocoWith: request.ocoWith ?? undefined,
  };

  if (request.side === "sell") {
    if (lots !== undefined) return { command, hold: units.quantity(lots) };
    // A market sell for a quote amount holds exactly the base the book needs for it now.
    const quoteUnits = units.unitsOf(request.quoteQuantity ?? 0n);
    const fill = state.engine.estimateMarketFill(request.symbol, "sell", {
      quoteQuantity: quoteUnits,
    });
    if (fill.quantity === 0) throw noLiquidity();
    command.quantity = fill.quantity;
    command.quoteQuantity = quoteUnits;
    return { command, hold: units.quantity(fill.quantity) };
  }

  const budget = buyBudget(state, market, request, lots);
  if (budget === 0 && request.type === "market") throw noLiquidity();
  if (budget !== undefined && !Number.isSafeInteger(budget)) {
    throw rejectionError("NOTIONAL_TOO_LARGE", market.info);
  }
  if (
    command.type !== "limit" &&
    command.type !== "stop_limit" &&
    command.type !== "take_profit_limit"
  ) {
    command.quoteQuantity = budget;
  }
  const notional = units.quoteOf(budget ?? 0);
  return { command, hold: units.withMaxFee(notional) };
}

/** The most a buy may spend, in engine notional units (ticks × lots). */
function buyBudget(
  state: ExchangeState,
  market: MarketState,
  request: PlaceOrderRequest,
  lots: number | undefined,
): number | undefined {
  const { units, info } = market;
  // toPlaceOrderRequest made every type below carry these, on the tick and lot grids; a
  // missing one here is a bug, and defaulting it to 0 would hold nothing.
  const ticks = (value: bigint | null) => {
    if (value === null)
      throw new Error(`a ${request.type} order reached the budget without its price`);
    return units.requireTicks(value);
  };
  const wholeLots = () => {
    if (lots === undefined)
      throw new Error(`a ${request.type} order reached the budget without its quantity`);
    return lots;
  };
  // Stops fill at whatever the book offers once triggered; the price band bounds that.
  const withBand = (refTicks: number) =>
    Math.floor((refTicks * (10_000 + info.priceBandBps)) / 10_000);
  switch (request.type) {
    case "limit":
    case "stop_limit":
    case "take_profit_limit":
      return ticks(request.price) * wholeLots();
    case "market":
      if (request.quoteQuantity !== null) return units.unitsOf(request.quoteQuantity);
      return state.engine.estimateMarketFill(request.symbol, "buy", { quantity: lots }).quote;
    case "stop_market":
    case "take_profit_market":
      return withBand(ticks(request.stopPrice)) * wholeLots();
    case "trailing_stop": {
      const last = state.engine.lastPrice(request.symbol);
      if (last === undefined) {
        throw rejectionError("NO_REFERENCE_PRICE", info);
      }
      return withBand(last + ticks(request.trailingDelta)) * wholeLots();
    }
  }
}

/**
 * Which price a PRICE_OUT_OF_BAND rejection is about. The engine checks the limit price
 * before the stop price, so it is the stop price when the limit price is inside the band.
 */
function outOfBandField(
  state: ExchangeState,
  market: MarketState,
  request: PlaceOrderRequest,
): "price" | "stopPrice" {
  if (request.price === null) return "stopPrice";
  const last = state.engine.lastPrice(request.symbol);
  if (last === undefined || request.stopPrice === null) return "price";
  const lastPrice = market.units.price(last);
  const allowed = (lastPrice * BigInt(market.info.priceBandBps)) / 10_000n;
  const distance =
    request.price > lastPrice ? request.price - lastPrice : lastPrice - request.price;
  return distance <= allowed ? "stopPrice" : "price";
}

function isMarketLike(type: PlaceOrderRequest["type"]): boolean {
  return (
    type === "market" ||
    type === "stop_market" ||
    type === "take_profit_market" ||
    type === "trailing_stop"
  );
}

function noLiquidity(): ExchangeError {
  return new ExchangeError(
    "INVALID_INPUT",
    "There is nothing on the other side of the book to trade with",
    { reason: "NO_LIQUIDITY" },
  );
}

function requireSamePayload(existing: OrderRecord, request: PlaceOrderRequest): OrderRecord {
  const same =
    existing.market === request.symbol &&
    existing.side === request.side &&
    existing.type === request.type &&
    existing.quantity === request.quantity &&
    existing.price === request.price &&
    existing.quoteQuantity === request.quoteQuantity &&
    existing.stopPrice === request.stopPrice &&
    existing.trailingDelta === request.trailingDelta &&
    existing.timeInForce === request.timeInForce &&
    existing.postOnly === request.postOnly &&
    existing.stp === request.stp;
  if (!same) {
    throw new ExchangeError("CONFLICT", "The clientOrderId is already used for a different order", {
      reason: "CLIENT_ORDER_ID_REUSED",
      field: "clientOrderId",
    });
  }
  return existing;
}

function requireOcoPartner(state: ExchangeState, request: PlaceOrderRequest): void {
  const partner = request.ocoWith === null ? undefined : state.liveOrders.get(request.ocoWith);
  if (!partner || partner.userId !== request.userId || partner.market !== request.symbol) {
    throw invalidInput("INVALID_OCO", "ocoWith", "You have no such open order in this market");
  }
  if (partner.ocoOrderId !== null) {
    throw invalidInput("INVALID_OCO", "ocoWith", "That order is already linked to another");
  }
}

function linkOco(state: ExchangeState, batch: Batch, order: OrderRecord, partnerId: number): void {
  const partner = state.liveOrders.get(partnerId);
  if (!partner) return;
  partner.ocoOrderId = order.id;
  batch.touchOrder(partner);
}
