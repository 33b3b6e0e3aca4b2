import { type Database, executePrepared, type PreparedStatement } from "@cryptotrade/db/client";
import {
  balances,
  idempotencyKeys,
  ledgerEntries,
  markets,
  orders,
  trades,
  transactions,
} from "@cryptotrade/db/schema";
import { getTableColumns, getTableName } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Batch } from "./batch";
import type { Balance, LedgerEntryRow } from "./ledger";

export interface BatchWrites {
  batch: Batch;
  entries: LedgerEntryRow[];
  balances: Array<{ userId: number; asset: string } & Balance>;
}

/**
 * Writes one batch atomically, and only while `epoch` is still the leadership epoch in force:
 * the statement locks the lease row (FOR SHARE) and divides by the number of rows carrying
 * this epoch, so after a takeover it fails with division by zero and nothing is written. A
 * takeover waits for a batch holding the row lock, and a batch waiting for it re-reads the
 * row, so every batch lands either before the new leader loads its state or not at all.
 *
 * The statement also records the batch's id in `exchange_batches` (ADR 025), so after a lost
 * answer `readBatchOutcome` can tell whether it committed.
 *
 * Writes one batch atomically. The batch travels as one statement: each table's rows go as one
 * JSON parameter, unpacked by `json_to_recordset` in a data-modifying CTE. A single statement
 * is its own transaction, so a batch costs one round trip and one WAL flush, not one per table
 * plus BEGIN and COMMIT (ADR 010). Markets created or halted in the batch (rare, admin) are
 * written first, in a transaction with it, since one statement may not change a row twice.
 */
export async function writeBatch(db: Database, writes: BatchWrites, epoch: number): Promise<void> {
  const values = [...batchValues(writes), epoch, writes.batch.id];
  if (writes.batch.markets.size === 0) {
    await executePrepared(db, BATCH_STATEMENT, values);
    return;
  }
  await db.transaction(async (tx) => {
    for (const row of writes.batch.markets.values()) {
      await tx
        .insert(markets)
        .values(row)
        .onConflictDoUpdate({ target: markets.symbol, set: { status: row.status } });
    }
    await executePrepared(tx, BATCH_STATEMENT, values);
  });
}

/**
 * An INSERT (or upsert) of any number of rows of `table` from parameter `$n`: the rows as a
 * JSON array keyed by the schema's property names, typed by the schema's column types.
 */
function insertFromJson<T extends PgTable>(
  table: T,
  parameter: number,
  options: {
    omit?: Array<keyof T["$inferInsert"] & string>;
    conflict?: Array<keyof T["$inferInsert"] & string>;
    update?: Array<keyof T["$inferInsert"] & string>;
  } = {},
): string {
  const columns = Object.entries(getTableColumns(table)).filter(
    ([key]) => !options.omit?.includes(key as never),
  );
  const quote = (name: string) => `"${name}"`;
  const columnName = (key: string) => {
    const column = columns.find(([k]) => k === key)?.[1];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return quote(column.name);
  };
  const target = columns.map(([, column]) => quote(column.name)).join(", ");
  const source = columns.map(([key]) => `r.${quote(key)}`).join(", ");
  const recordType = columns
    .map(([key, column]) => `${quote(key)} ${column.getSQLType()}`)
    .join(", ");
  let conflict = "";
  if (options.conflict) {
    const set = (options.update ?? [])
      .map((key) => `${columnName(key)} = excluded.${columnName(key)}`)
      .join(", ");
    conflict = ` on conflict (${options.conflict.map(columnName).join(", ")}) do update set ${set}`;
  }
  return (
    `insert into ${quote(getTableName(table))} (${target}) select ${source} ` +
    `from json_to_recordset($${parameter}::text::json) as r(${recordType})${conflict}`
  );
}

const BATCH_STATEMENT: PreparedStatement = {
  name: "exchange_write_batch",
  text: `with
    book_sequences as (
      update markets set book_sequence = r.sequence
      from json_to_recordset($1::text::json) as r(symbol text, sequence bigint)
      where markets.symbol = r.symbol
    ),
    orders_written as (${insertFromJson(orders, 2, {
      conflict: ["id"],
      update: [
        "status",
        "reason",
        // An amend changes these two.
        "price",
        "quantity",
        "filledQuantity",
        "filledQuote",
        "feePaid",
        "held",
        "queueSeq",
        "ocoOrderId",
        "engineState",
        "updatedAt",
      ],
    })}),
    trades_written as (${insertFromJson(trades, 3)}),
    entries_written as (${insertFromJson(ledgerEntries, 4, { omit: ["id", "createdAt"] })}),
    balances_written as (${insertFromJson(balances, 5, {
      conflict: ["userId", "asset"],
      update: ["available", "locked"],
    })}),
    transactions_written as (${insertFromJson(transactions, 6, {
      conflict: ["id"],
      update: ["status", "reviewedBy", "note", "updatedAt"],
    })}),
    keys_written as (${insertFromJson(idempotencyKeys, 7, { omit: ["createdAt"] })}),
    -- The batch's own row: a read-back after a lost answer finds it only if this committed.
    batch_recorded as (
      insert into exchange_batches (id, epoch, outcome) values ($9::uuid, $8::bigint, 'committed')
    ),
    batches_pruned as (
      delete from exchange_batches where recorded_at < now() - interval '10 minutes'
    ),
    fence as (
      select epoch from exchange_leadership where id = 1 and epoch = $8::bigint for share
    )
    select 1 / (select count(*)::int from fence) as fenced`,
};

/** The statement's parameters, in order: each table's rows as JSON. */
function batchValues(writes: BatchWrites): string[] {
  const { batch } = writes;
  return [
    toJson([...batch.bookSequences].map(([symbol, sequence]) => ({ symbol, sequence }))),
    toJson([...batch.orders.values()]),
    toJson(batch.trades),
    // Ledger entries take their id and time from the database.
    toJson(writes.entries),
    toJson(writes.balances),
    toJson([...batch.transactions.values()]),
    toJson(batch.idempotencyKeys),
  ];
}

/** JSON with amounts (bigint) as strings, which PostgreSQL reads back exactly. */
function toJson(rows: unknown[]): string {
  return JSON.stringify(rows, (_key, value) =>
    typeof value === "bigint" ? value.toString() : value,
  );
}
