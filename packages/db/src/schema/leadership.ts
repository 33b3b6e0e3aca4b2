import { sql } from "drizzle-orm";
import { bigint, check, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Who runs the sequencer: one row (id 1), a lease with a fencing epoch. A candidate takes it
 * only once it has expired, raising the epoch; every batch the sequencer writes checks, in its
 * own statement, that the epoch is still the one it was granted, so a stale leader's writes
 * fail (ADR 017).
 */
export const exchangeLeadership = pgTable(
  "exchange_leadership",
  {
    id: integer("id").primaryKey().default(1),
    /** The process holding the lease: host, pid and a random part, for operators. */
    holder: text("holder").notNull(),
    /** Raised by every takeover; a batch carrying an older one is refused. */
    epoch: bigint("epoch", { mode: "number" }).notNull(),
    /** Database time after which another candidate may take over. */
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [check("exchange_leadership_one_row", sql`${t.id} = 1`)],
);
