import type { Balance } from "./ledger";
import type { OrderRecord, TradeRecord, TransactionRecord } from "./records";

/** A change to one price level of a book; `sequence` has no gaps per market. */
export interface BookLevelChange {
  side: "buy" | "sell";
  price: bigint;
  quantity: bigint;
  sequence: number;
}

/** What the exchange tells the world after each committed batch. */
export type ExchangeEvent =
  | { type: "book"; market: string; changes: BookLevelChange[] }
  | { type: "trade"; market: string; trade: TradeRecord }
  | { type: "order"; userId: number; order: OrderRecord; triggered: boolean }
  | { type: "balance"; userId: number; asset: string; balance: Balance }
  | { type: "transaction"; userId: number; transaction: TransactionRecord }
  | { type: "reset" };

export type ExchangeListener = (events: readonly ExchangeEvent[]) => void;
