import type { markets, orders, trades, transactions } from "@cryptotrade/db/schema";

/** An order as the sequencer holds it: exactly its database row. */
export type OrderRecord = typeof orders.$inferSelect;
export type TradeRecord = typeof trades.$inferSelect;
export type TransactionRecord = typeof transactions.$inferSelect;
export type MarketRow = typeof markets.$inferInsert;
