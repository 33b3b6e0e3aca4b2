import type { ExchangeEvent } from "./events";
import type { MarketRow, OrderRecord, TradeRecord, TransactionRecord } from "./records";

/**
 * Everything one batch of commands changed, written in one transaction and published only
 * after it commits.
 */
export class Batch {
  readonly now = new Date();
  readonly orders = new Map<number, OrderRecord>();
  readonly trades: TradeRecord[] = [];
  readonly transactions = new Map<number, TransactionRecord>();
  readonly markets = new Map<string, MarketRow>();
  /** Each touched book's last sequence, persisted so sequences continue after a restart. */
  readonly bookSequences = new Map<string, number>();
  readonly events: ExchangeEvent[] = [];

  touchOrder(order: OrderRecord): void {
    order.updatedAt = this.now;
    this.orders.set(order.id, order);
  }

  touchTransaction(transaction: TransactionRecord): void {
    transaction.updatedAt = this.now;
    this.transactions.set(transaction.id, transaction);
  }
}
