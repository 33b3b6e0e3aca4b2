import type { Database } from "@cryptotrade/db/client";
import { assets, balances, transactions } from "@cryptotrade/db/schema";
import { and, desc, eq, gt, gte, lt } from "drizzle-orm";
import { cursorId, type PageRequest, pageLimit, toPage } from "./cursor";

/** Every asset with the user's available and locked amounts (zero where they hold none). */
export async function balancesOf(db: Database, userId: number) {
  const rows = await db
    .select({
      asset: assets.symbol,
      decimals: assets.decimals,
      available: balances.available,
      locked: balances.locked,
    })
    .from(assets)
    .leftJoin(balances, and(eq(balances.asset, assets.symbol), eq(balances.userId, userId)))
    .orderBy(assets.symbol);
  return rows.map((row) => ({
    asset: row.asset,
    decimals: row.decimals,
    available: row.available ?? 0n,
    locked: row.locked ?? 0n,
  }));
}

/** Every asset with its decimals and withdrawal rules, by symbol. */
export function listAssets(db: Database) {
  return db.select().from(assets).orderBy(assets.symbol);
}

export async function assetDecimals(db: Database): Promise<Map<string, number>> {
  const rows = await db.select({ symbol: assets.symbol, decimals: assets.decimals }).from(assets);
  return new Map(rows.map((row) => [row.symbol, row.decimals]));
}

/** Which of a user's deposits and withdrawals to list or export; every field narrows. */
export interface TransactionFilter {
  type?: "deposit" | "withdrawal";
  asset?: string;
  status?: "pending" | "completed" | "rejected";
  /** Created at or after this moment. */
  from?: Date;
  /** Created before this moment. */
  to?: Date;
}

/** The user's deposits and withdrawals that match the filter, newest first. */
export async function listTransactions(
  db: Database,
  userId: number,
  query: PageRequest & TransactionFilter,
) {
  const limit = pageLimit(query.limit);
  const before = cursorId(query.cursor);
  const rows = await db
    .select()
    .from(transactions)
    .where(
      and(
        eq(transactions.userId, userId),
        query.type ? eq(transactions.type, query.type) : undefined,
        query.asset ? eq(transactions.asset, query.asset) : undefined,
        query.status ? eq(transactions.status, query.status) : undefined,
        query.from ? gte(transactions.createdAt, query.from) : undefined,
        query.to ? lt(transactions.createdAt, query.to) : undefined,
        before ? lt(transactions.id, before) : undefined,
      ),
    )
    .orderBy(desc(transactions.id))
    .limit(limit + 1);
  return toPage(rows, limit);
}

/**
 * Withdrawals waiting for an admin, one page at a time and oldest first (the review queue's
 * order): the cursor is the last id seen, and the next page starts after it.
 */
export async function pendingWithdrawals(db: Database, query: PageRequest = {}) {
  const limit = pageLimit(query.limit);
  const after = cursorId(query.cursor);
  const rows = await db
    .select()
    .from(transactions)
    .where(
      and(
        eq(transactions.type, "withdrawal"),
        eq(transactions.status, "pending"),
        after ? gt(transactions.id, after) : undefined,
      ),
    )
    .orderBy(transactions.id)
    .limit(limit + 1);
  return toPage(rows, limit);
}
