/**
 * The public vocabulary of the engine: commands in, views out. Every number is a JS safe
 * integer: prices, stop prices and trailing deltas in ticks, quantities in lots, quote
 * amounts in tick × lot units (price × quantity).
 */

/**
 * Which way an order trades.
 *
 * @example
 * const side: Side = "buy";
 */
export type Side = "buy" | "sell";

/**
 * The order types the engine knows.
 *
 * @example
 * const type: OrderType = "stop_limit";
 */
export type OrderType =
  | "limit"
  | "market"
  | "stop_limit"
  | "stop_market"
  | "take_profit_limit"
  | "trailing_stop"
  | "take_profit_market";

/**
 * How long the unfilled part of a limit order lives: rest (GTC), expire now (IOC), or fill
 * entirely or not at all (FOK).
 *
 * @example
 * const tif: TimeInForce = "IOC";
 */
export type TimeInForce = "GTC" | "IOC" | "FOK";

/**
 * Self-trade prevention: what happens when a taker would match a resting order of the same
 * user. The taker's mode governs.
 *
 * @example
 * const stp: StpMode = "cancel_oldest";
 */
export type StpMode = "cancel_newest" | "cancel_oldest" | "cancel_both";

/**
 * A market to open. `priceBandBps` bounds limit and stop prices around the last trade price
 * (no band before the first trade).
 *
 * @example
 * engine.addMarket({ symbol: "BTC-USDT", priceBandBps: 1_000 }); // ±10 %
 */
export interface MarketSpec {
  symbol: string;
  priceBandBps?: number;
}

/**
 * Places an order. See the README for which fields each type needs.
 *
 * @example
 * const command: PlaceCommand = {
 *   kind: "place", market: "BTC-USDT", orderId: 1, userId: 7,
 *   side: "buy", type: "limit", price: 100, quantity: 5,
 * };
 */
export interface PlaceCommand {
  kind: "place";
  market: string;
  orderId: number;
  userId: number;
  side: Side;
  type: OrderType;
  /** Limit price: limit, stop_limit, take_profit_limit. */
  price?: number;
  /** Trigger price: stop_limit, stop_market, take_profit_limit, take_profit_market. */
  stopPrice?: number;
  /** trailing_stop: distance from the watermark; becomes a market order when it triggers. */
  trailingDelta?: number;
  /**
   * Base quantity; a market-like order (market, stop_market, take_profit_market,
   * trailing_stop) may give a quote budget instead.
   */
  quantity?: number;
  /** Market-like orders: a quote budget; with quantity, whichever cap is hit first. */
  quoteQuantity?: number;
  timeInForce?: TimeInForce;
  postOnly?: boolean;
  stp?: StpMode;
  /** Id of a live order of the same user, market and side to link one-cancels-the-other. */
  ocoWith?: number;
}

/**
 * Cancels a live order (resting or untriggered).
 *
 * @example
 * engine.execute({ kind: "cancel", market: "BTC-USDT", orderId: 1 });
 */
export interface CancelCommand {
  kind: "cancel";
  market: string;
  orderId: number;
}

/**
 * Amends a resting order. `quantity` is the new total quantity (filled included). Reducing
 * it keeps queue priority; a new price or a larger quantity sends the order to the back.
 *
 * @example
 * engine.execute({ kind: "amend", market: "BTC-USDT", orderId: 1, quantity: 3 });
 */
export interface AmendCommand {
  kind: "amend";
  market: string;
  orderId: number;
  quantity?: number;
  price?: number;
}

/**
 * Everything `MatchingEngine.execute` accepts.
 *
 * @example
 * const commands: Command[] = [{ kind: "cancel", market: "BTC-USDT", orderId: 1 }];
 */
export type Command = PlaceCommand | CancelCommand | AmendCommand;

/**
 * The state of a live order (resting, or waiting for its trigger).
 *
 * @example
 * const view = engine.getOrder(1);
 * if (view?.status === "open") console.log(view.remaining);
 */
export interface OrderView {
  orderId: number;
  market: string;
  userId: number;
  side: Side;
  type: OrderType;
  status: "open" | "untriggered";
  /** True once a stop / take-profit order has triggered and now rests as a limit order. */
  triggered: boolean;
  price?: number;
  stopPrice?: number;
  trailingDelta?: number;
  /** trailing_stop: highest (sell) or lowest (buy) last price since placement. */
  watermark?: number;
  /** Base quantity; absent for orders capped by quote only. */
  quantity?: number;
  quoteQuantity?: number;
  filled: number;
  /** quantity − filled; 0 for orders capped by quote only. */
  remaining: number;
  timeInForce: TimeInForce;
  postOnly: boolean;
  stp: StpMode;
  ocoWith?: number;
}

/**
 * Aggregated price levels, best first, with the market's book sequence at that moment.
 *
 * @example
 * const { sequence, bids } = engine.orderBook("BTC-USDT", 10);
 * const [bestPrice, bestQuantity] = bids[0] ?? [0, 0];
 */
export interface L2Snapshot {
  market: string;
  sequence: number;
  bids: [price: number, quantity: number][];
  asks: [price: number, quantity: number][];
}

/**
 * A live order read back from the database on start. `quantity` is the original base
 * quantity and `filled` what has traded; `watermark` is required for trailing stops.
 *
 * @example
 * engine.restoreOrder({
 *   market: "BTC-USDT", orderId: 9, userId: 7, side: "sell", type: "limit",
 *   price: 105, quantity: 10, filled: 4,
 * });
 */
export interface RestoredOrder {
  market: string;
  orderId: number;
  userId: number;
  side: Side;
  type: Exclude<OrderType, "market">;
  price?: number;
  stopPrice?: number;
  trailingDelta?: number;
  quantity?: number;
  quoteQuantity?: number;
  filled?: number;
  /** stop_limit / take_profit_limit that already triggered and rests as a limit order. */
  triggered?: boolean;
  watermark?: number;
  timeInForce?: TimeInForce;
  postOnly?: boolean;
  stp?: StpMode;
  ocoWith?: number;
}

/**
 * What `restoreMarketState` puts back: the last trade price and the book sequence.
 *
 * @example
 * engine.restoreMarketState("BTC-USDT", { lastPrice: 101, sequence: 5_012 });
 */
export interface MarketState {
  lastPrice?: number;
  sequence: number;
}

/**
 * Caps for `estimateMarketFill`: a base quantity, a quote budget, or both.
 *
 * @example
 * engine.estimateMarketFill("BTC-USDT", "buy", { quoteQuantity: 10_000 });
 */
export interface FillCaps {
  quantity?: number;
  quoteQuantity?: number;
}

/**
 * What a market order would fill now: base quantity and quote amount.
 *
 * @example
 * const { quantity, quote } = engine.estimateMarketFill("BTC-USDT", "sell", { quantity: 3 });
 */
export interface FillEstimate {
  quantity: number;
  quote: number;
}

/**
 * Sizing hints so the pools never grow (and never copy) on the hot path.
 *
 * @example
 * const engine = new MatchingEngine({ expectedOrders: 1_000_000 });
 */
export interface EngineOptions {
  /** Live orders to size the order pool and id index for up front. Default 4096. */
  expectedOrders?: number;
}
