import type { Database, Transaction } from "@cryptotrade/db/client";
import {
  balances,
  ledgerEntries,
  markets,
  orders,
  trades,
  transactions,
} from "@cryptotrade/db/schema";
import { eq, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Batch } from "./batch";
import type { Balance, LedgerEntryRow } from "./ledger";

// Stays well below PostgreSQL's 65,535 bind parameters per statement.
const ROWS_PER_STATEMENT = 1_000;

export interface BatchWrites {
  batch: Batch;
  entries: LedgerEntryRow[];
  balances: Array<{ userId: number; asset: string } & Balance>;
}

/** Writes one batch in one transaction: all of it becomes durable, or none of it. */
export async function writeBatch(db: Database, writes: BatchWrites): Promise<void> {
  const { batch } = writes;
  await db.transaction(async (tx) => {
    for (const row of batch.markets.values()) {
      await tx
        .insert(markets)
        .values(row)
        .onConflictDoUpdate({ target: markets.symbol, set: { status: row.status } });
    }
    for (const [symbol, sequence] of batch.bookSequences) {
      await tx.update(markets).set({ bookSequence: sequence }).where(eq(markets.symbol, symbol));
    }
    await upsert(tx, transactions, [...batch.transactions.values()], transactions.id, [
      "status",
      "reviewedBy",
      "note",
      "updatedAt",
    ]);
    await upsert(tx, orders, [...batch.orders.values()], orders.id, [
      "status",
      "reason",
      "filledQuantity",
      "filledQuote",
      "feePaid",
      "held",
      "queueSeq",
      "ocoOrderId",
      "engineState",
      "updatedAt",
    ]);
    for (const chunk of chunks(batch.trades)) await tx.insert(trades).values(chunk);
    for (const chunk of chunks(writes.entries)) await tx.insert(ledgerEntries).values(chunk);
    for (const chunk of chunks(writes.balances)) {
      await tx
        .insert(balances)
        .values(chunk)
        .onConflictDoUpdate({
          target: [balances.userId, balances.asset],
          set: { available: excluded("available"), locked: excluded("locked") },
        });
    }
  });
}

async function upsert<T extends PgTable>(
  tx: Transaction,
  table: T,
  rows: T["$inferInsert"][],
  key: PgColumn,
  columns: Array<keyof T["$inferInsert"] & string>,
): Promise<void> {
  const set = Object.fromEntries(
    columns.map((column) => [column, excluded(toSnakeCase(column))]),
  ) as Record<string, SQL>;
  for (const chunk of chunks(rows)) {
    await tx.insert(table).values(chunk).onConflictDoUpdate({ target: key, set });
  }
}

function excluded(column: string): SQL {
  return sql.raw(`excluded."${column}"`);
}

function toSnakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function* chunks<T>(rows: T[]): Generator<T[]> {
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    yield rows.slice(start, start + ROWS_PER_STATEMENT);
  }
}
