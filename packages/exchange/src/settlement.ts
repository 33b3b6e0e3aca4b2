import type { EngineEvent } from "@cryptotrade/engine";
import type { Batch } from "./batch";
import type { BookLevelChange } from "./events";
import type { OrderRecord } from "./records";
import type { ExchangeState, MarketState } from "./state";

/**
 * Turns the engine's events for one command into ledger entries, order updates, trades and
 * book changes. The engine has already decided; this only books the consequences.
 */
export function applyEngineEvents(
  state: ExchangeState,
  batch: Batch,
  events: readonly EngineEvent[],
): void {
  const bookChanges = new Map<string, BookLevelChange[]>();
  for (const event of events) {
    const market = state.markets.get(event.market);
    if (!market) continue;
    switch (event.type) {
      case "accepted":
        touch(state, batch, event.orderId, (order) => {
          order.status = event.status;
        });
        break;
      case "trade":
        settleTrade(state, batch, market, event);
        break;
      case "orderUpdated":
        touch(state, batch, event.orderId, (order) => {
          order.status = "partially_filled";
        });
        break;
      case "orderDone":
        finishOrder(state, batch, market, event.orderId, event.status, event.reason);
        break;
      case "stopTriggered":
        batch.triggered.add(event.orderId);
        touch(state, batch, event.orderId, (order) => {
          // A triggered order joins the queue now, which is where recovery must put it.
          order.queueSeq = state.nextQueueSeq++;
          order.status = "open";
        });
        break;
      case "trailingMoved":
        touch(state, batch, event.orderId, (order) => {
          order.engineState = { ...order.engineState, watermark: String(event.watermark) };
        });
        break;
      case "bookLevel": {
        const changes = bookChanges.get(event.market) ?? [];
        changes.push({
          side: event.side,
          price: market.units.price(event.price),
          quantity: market.units.quantity(event.quantity),
          sequence: event.sequence,
        });
        bookChanges.set(event.market, changes);
        batch.bookSequences.set(event.market, event.sequence);
        break;
      }
      default:
        break;
    }
  }
  for (const [symbol, changes] of bookChanges) {
    batch.events.push({ type: "book", market: symbol, changes });
  }
}

function touch(
  state: ExchangeState,
  batch: Batch,
  orderId: number,
  change: (order: OrderRecord) => void,
): void {
  const order = state.liveOrders.get(orderId);
  if (!order) throw new Error(`settlement: order ${orderId} is not live`);
  change(order);
  batch.touchOrder(order);
}

function settleTrade(
  state: ExchangeState,
  batch: Batch,
  market: MarketState,
  event: Extract<EngineEvent, { type: "trade" }>,
): void {
  const { units, info } = market;
  const maker = state.liveOrders.get(event.makerOrderId);
  const taker = state.liveOrders.get(event.takerOrderId);
  if (!maker || !taker) throw new Error("settlement: a trade between unknown orders");
  const base = units.quantity(event.quantity);
  const quote = units.notional(event.price, event.quantity);
  const makerFee = units.fee(quote, info.makerFeeBps);
  const takerFee = units.fee(quote, info.takerFeeBps);
  const [buyer, seller] = event.aggressorSide === "buy" ? [taker, maker] : [maker, taker];
  const [buyerFee, sellerFee] =
    event.aggressorSide === "buy" ? [takerFee, makerFee] : [makerFee, takerFee];
  const trade = {
    id: state.nextTradeId++,
    market: info.symbol,
    price: units.price(event.price),
    quantity: base,
    quoteQuantity: quote,
    takerSide: event.aggressorSide,
    makerOrderId: maker.id,
    takerOrderId: taker.id,
    makerUserId: maker.userId,
    takerUserId: taker.userId,
    makerFee,
    takerFee,
    createdAt: batch.now,
  };
  state.ledger.settleTrade({
    buyerId: buyer.userId,
    sellerId: seller.userId,
    feeAccountId: state.feeAccountId,
    baseAsset: info.baseAsset,
    quoteAsset: info.quoteAsset,
    base,
    quote,
    buyerFee,
    sellerFee,
    ref: { refType: "trade", refId: trade.id },
  });
  for (const [order, fee] of [
    [buyer, buyerFee],
    [seller, sellerFee],
  ] as const) {
    order.filledQuantity += base;
    order.filledQuote += quote;
    order.feePaid += fee;
    order.held -= order.side === "buy" ? quote + fee : base;
    if (order.held < 0n) throw new Error(`settlement: order ${order.id} spent more than it held`);
    batch.touchOrder(order);
  }
  batch.trades.push(trade);
  batch.events.push({ type: "trade", market: info.symbol, trade });
}

function finishOrder(
  state: ExchangeState,
  batch: Batch,
  market: MarketState,
  orderId: number,
  status: "filled" | "cancelled" | "expired",
  reason: string,
): void {
  const order = state.liveOrders.get(orderId);
  if (!order) throw new Error(`settlement: order ${orderId} finished but is not live`);
  order.status = status;
  order.reason = reason;
  if (order.held > 0n) {
    const asset = order.side === "buy" ? market.info.quoteAsset : market.info.baseAsset;
    state.ledger.release(order.userId, asset, order.held, { refType: "order", refId: order.id });
    order.held = 0n;
  }
  state.untrackLive(order);
  batch.touchOrder(order);
}
