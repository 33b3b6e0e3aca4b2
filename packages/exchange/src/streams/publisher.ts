import { formatDecimal } from "@cryptotrade/contract/money";
import type { BookLevelChange, ExchangeEvent } from "../events";
import type { Exchange } from "../exchange";
import type { MarketInfo } from "../markets";
import type { TradeRecord, TransactionRecord } from "../records";
import { toFillView, toOrderView, toPublicTradeView } from "../views";
import type { EventBus } from "./bus";
import { type BookLevelView, channels, type OrderChange, type StreamMessage } from "./messages";

/**
 * A process's message ids, `<epoch>.<n>`, increasing in the order they are taken. Everything
 * one process publishes on a user's channel (the batch's updates, fired price alerts) takes
 * its ids from one of these, so a resuming subscriber's position orders them all.
 *
 * @example
 * const nextId = createMessageIds();
 * publishExchangeEvents(exchange, bus, nextId);
 */
export function createMessageIds(): () => string {
  const epoch = Date.now().toString(36);
  let counter = 0;
  return () => `${epoch}.${(++counter).toString(36).padStart(8, "0")}`;
}

/**
 * Publishes each committed batch to the bus: one coalesced diff per book, the batch's trades
 * per market, and each user's order, balance and wallet changes on their private channel.
 *
 * Ids are `<epoch>.<n>`: a new process starts a new epoch, so a subscriber resuming with an
 * id from before a restart is told to resync instead of silently missing messages.
 */
export function publishExchangeEvents(
  exchange: Exchange,
  bus: EventBus,
  nextId: () => string = createMessageIds(),
): () => void {
  return exchange.subscribe((events) => {
    const markets = new Map(exchange.markets().map((m) => [m.symbol, m]));
    const out: Array<[string, StreamMessage]> = [];
    for (const [symbol, changes] of groupBookChanges(events)) {
      const market = markets.get(symbol);
      if (market) out.push([channels.book(symbol), toBookDiff(market, changes)]);
    }
    const trades = new Map<string, ReturnType<typeof toPublicTradeView>[]>();
    const fills = tradesByOrder(events);
    for (const event of events) {
      const market = "market" in event ? markets.get(event.market) : undefined;
      switch (event.type) {
        case "trade":
          if (market)
            trades.set(market.symbol, [
              ...(trades.get(market.symbol) ?? []),
              toPublicTradeView(event.trade, market),
            ]);
          break;
        case "order": {
          const orderMarket = markets.get(event.order.market);
          if (orderMarket) {
            out.push([
              channels.user(event.userId),
              {
                kind: "order",
                id: nextId(),
                order: toOrderView(event.order, orderMarket),
                change: toOrderChange(
                  fills.get(event.order.id) ?? [],
                  event.triggered,
                  orderMarket,
                  event.userId,
                ),
              },
            ]);
          }
          break;
        }
        case "balance": {
          const decimals = assetDecimals(markets, event.asset);
          out.push([
            channels.user(event.userId),
            {
              kind: "balance",
              id: nextId(),
              asset: event.asset,
              available: formatDecimal(event.balance.available, decimals),
              locked: formatDecimal(event.balance.locked, decimals),
            },
          ]);
          break;
        }
        case "transaction": {
          const delta = availableDelta(event.transaction);
          if (delta === null) break;
          const { transaction } = event;
          const decimals = assetDecimals(markets, transaction.asset);
          out.push([
            channels.user(event.userId),
            {
              kind: "wallet",
              id: nextId(),
              transactionId: String(transaction.id),
              type: transaction.type,
              status: transaction.status,
              asset: transaction.asset,
              amount: formatDecimal(transaction.amount, decimals),
              delta: formatDecimal(delta, decimals),
              time: transaction.updatedAt.getTime(),
            },
          ]);
          break;
        }
        case "reset":
          out.push([channels.system, { kind: "reset", id: nextId() }]);
          break;
        default:
          break;
      }
    }
    for (const [symbol, list] of trades) {
      out.push([channels.trades(symbol), { kind: "trades", id: nextId(), symbol, trades: list }]);
    }
    for (const [channel, message] of out) bus.publish(channel, message);
  });
}

function groupBookChanges(events: readonly ExchangeEvent[]): Map<string, BookLevelChange[]> {
  const grouped = new Map<string, BookLevelChange[]>();
  for (const event of events) {
    if (event.type !== "book") continue;
    grouped.set(event.market, [...(grouped.get(event.market) ?? []), ...event.changes]);
  }
  return grouped;
}

/** Coalesces a batch's level changes: only each level's final quantity is sent. */
function toBookDiff(market: MarketInfo, changes: BookLevelChange[]): StreamMessage {
  const bids = new Map<bigint, bigint>();
  const asks = new Map<bigint, bigint>();
  for (const change of changes)
    (change.side === "buy" ? bids : asks).set(change.price, change.quantity);
  const level = ([price, quantity]: [bigint, bigint]): BookLevelView => ({
    price: formatDecimal(price, market.quoteDecimals),
    quantity: formatDecimal(quantity, market.baseDecimals),
  });
  return {
    kind: "diff",
    symbol: market.symbol,
    fromSequence: changes[0]?.sequence ?? 0,
    toSequence: changes.at(-1)?.sequence ?? 0,
    publishedAt: Date.now(),
    bids: [...bids].map(level),
    asks: [...asks].map(level),
  };
}

/**
 * How a wallet transaction moved the available balance, as the wallet ledger posts it; null for
 * a pending deposit, which nobody needs to hear of.
 */
function availableDelta(transaction: TransactionRecord): bigint | null {
  const { type, status, amount, fee } = transaction;
  if (type === "deposit") return status === "completed" ? amount : null;
  if (status === "pending") return -(amount + fee);
  if (status === "rejected") return amount + fee;
  // Approved: the held amount leaves and the held fee is paid; available does not move.
  return 0n;
}

/** Each order's trades in this batch, in the order they happened. */
function tradesByOrder(events: readonly ExchangeEvent[]): Map<number, TradeRecord[]> {
  const byOrder = new Map<number, TradeRecord[]>();
  const add = (orderId: number, trade: TradeRecord) => {
    const list = byOrder.get(orderId);
    if (list) list.push(trade);
    else byOrder.set(orderId, [trade]);
  };
  for (const event of events) {
    if (event.type !== "trade") continue;
    add(event.trade.makerOrderId, event.trade);
    add(event.trade.takerOrderId, event.trade);
  }
  return byOrder;
}

/** The batch's fills of one order, summed and listed from the owner's side of each trade. */
function toOrderChange(
  trades: readonly TradeRecord[],
  triggered: boolean,
  market: MarketInfo,
  ownerId: number,
): OrderChange {
  let quantity = 0n;
  let quote = 0n;
  for (const trade of trades) {
    quantity += trade.quantity;
    quote += trade.quoteQuantity;
  }
  return {
    filledQuantity: formatDecimal(quantity, market.baseDecimals),
    filledQuote: formatDecimal(quote, market.quoteDecimals),
    triggered,
    fills: trades.map((trade) => toFillView(trade, market, ownerId)).reverse(),
  };
}

function assetDecimals(markets: Map<string, MarketInfo>, asset: string): number {
  for (const market of markets.values()) {
    if (market.baseAsset === asset) return market.baseDecimals;
    if (market.quoteAsset === asset) return market.quoteDecimals;
  }
  return 8;
}
