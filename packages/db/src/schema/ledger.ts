import { sql } from "drizzle-orm";
import { check, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { amount, createdAt, id } from "./columns";
import { assets } from "./markets";
import { users } from "./users";

/** The materialized sum of a user's ledger entries per asset; never negative. */
export const balances = pgTable(
  "balances",
  {
    userId: id("user_id")
      .notNull()
      .references(() => users.id),
    asset: text("asset")
      .notNull()
      .references(() => assets.symbol),
    available: amount("available").notNull().default(sql`0`),
    locked: amount("locked").notNull().default(sql`0`),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.asset] }),
    check("balances_available_nonnegative", sql`${t.available} >= 0`),
    check("balances_locked_nonnegative", sql`${t.locked} >= 0`),
  ],
);

/**
 * Append-only double entry: every change is a set of entries that sums to zero per asset.
 * `bucket` is the side of the account that moved; `external` (with no user) is the world
 * outside the exchange that deposits come from and withdrawals go to.
 */
export const ledgerEntries = pgTable(
  "ledger_entries",
  {
    id: id("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: id("user_id").references(() => users.id),
    asset: text("asset")
      .notNull()
      .references(() => assets.symbol),
    bucket: text("bucket", { enum: ["available", "locked", "external"] }).notNull(),
    amount: amount("amount").notNull(),
    reason: text("reason", {
      enum: ["deposit", "withdrawal", "hold", "release", "trade", "fee"],
    }).notNull(),
    refType: text("ref_type", { enum: ["order", "trade", "transaction"] }).notNull(),
    refId: id("ref_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("ledger_entries_user_asset_idx").on(t.userId, t.asset),
    index("ledger_entries_ref_idx").on(t.refType, t.refId),
    check("ledger_entries_bucket_owner", sql`(${t.bucket} = 'external') = (${t.userId} is null)`),
  ],
);

/** Deposits and withdrawals. A withdrawal holds amount + fee until an admin approves or rejects it. */
export const transactions = pgTable(
  "transactions",
  {
    id: id("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: id("user_id")
      .notNull()
      .references(() => users.id),
    asset: text("asset")
      .notNull()
      .references(() => assets.symbol),
    type: text("type", { enum: ["deposit", "withdrawal"] }).notNull(),
    amount: amount("amount").notNull(),
    /**
     * A withdrawal's fee: held with the amount while pending, paid to the fee account when
     * approved, returned when rejected. `amount` is what leaves the exchange. Zero for deposits.
     */
    fee: amount("fee").notNull().default(sql`0`),
    status: text("status", { enum: ["pending", "completed", "rejected"] }).notNull(),
    address: text("address"),
    note: text("note"),
    reviewedBy: id("reviewed_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("transactions_user_idx").on(t.userId, t.id),
    index("transactions_status_idx").on(t.status, t.type),
    check("transactions_amount_positive", sql`${t.amount} > 0`),
    check("transactions_fee_nonnegative", sql`${t.fee} >= 0`),
  ],
);

/**
 * Each admin's approval of a pending withdrawal; it is sent once enough distinct admins (never
 * the requester) have approved. One row per admin and withdrawal, so approving twice counts once.
 */
export const withdrawalApprovals = pgTable(
  "withdrawal_approvals",
  {
    transactionId: id("transaction_id")
      .notNull()
      .references(() => transactions.id),
    adminId: id("admin_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.transactionId, t.adminId] })],
);
