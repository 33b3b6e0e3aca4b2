import { randomUUID } from "node:crypto";
import type { ExchangeEvent } from "./events";
import type { IdempotencyKeyRow } from "./idempotency";
import type { MarketRow, OrderRecord, TradeRecord, TransactionRecord } from "./records";

/**
 * Everything one batch of commands changed, written in one transaction and published only
 * after it commits.
 */
export class Batch {
  /** Written with the batch, so whether it committed can be read back (`batch-outcome.ts`). */
  readonly id = randomUUID();
  readonly now = new Date();
  readonly orders = new Map<number, OrderRecord>();
  readonly trades: TradeRecord[] = [];
  readonly transactions = new Map<number, TransactionRecord>();
  readonly markets = new Map<string, MarketRow>();
  /** Each touched book's last sequence, persisted so sequences continue after a restart. */
  readonly bookSequences = new Map<string, number>();
  readonly events: ExchangeEvent[] = [];
  /** Conditional orders whose trigger fired in this batch (their update says so). */
  readonly triggered = new Set<number>();
  /** The idempotency keys of the money commands carried out in this batch. */
  readonly idempotencyKeys: IdempotencyKeyRow[] = [];

  touchOrder(order: OrderRecord): void {
    order.updatedAt = this.now;
    this.orders.set(order.id, order);
  }

  touchTransaction(transaction: TransactionRecord): void {
    transaction.updatedAt = this.now;
    this.transactions.set(transaction.id, transaction);
  }
}
