import {
  bigint,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";
import { users } from "./users";

/**
 * One row per batch the sequencer wrote, written in the batch's own statement, so whether a
 * batch committed can be read back after its answer was lost (ADR 025). A read-back that finds
 * no row claims the id as `abandoned`, so the batch can never commit afterwards. Rows are kept
 * for minutes only: the sequencer prunes older ones as it writes.
 */
export const exchangeBatches = pgTable(
  "exchange_batches",
  {
    id: uuid("id").primaryKey(),
    /** The leadership epoch of the sequencer that wrote (or abandoned) the batch. */
    epoch: bigint("epoch", { mode: "number" }).notNull(),
    outcome: text("outcome", { enum: ["committed", "abandoned"] }).notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("exchange_batches_recorded_idx").on(t.recordedAt)],
);

/**
 * The idempotency key of each money command that carried one (deposits, withdrawals, admin
 * credits, cancels), per caller, written in the batch that carried out the command: a retry
 * with the same key gets the first outcome back instead of a second effect, across restarts.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    /** Whose key it is: the caller (the admin, for an admin's credit). */
    userId: id("user_id")
      .notNull()
      .references(() => users.id),
    key: text("key").notNull(),
    /** The command and its content, so a retry with other content is refused. */
    command: text("command").notNull(),
    fingerprint: text("fingerprint").notNull(),
    /** What the command did: the transaction it recorded, or the orders it cancelled. */
    result: jsonb("result").$type<{ transactionId?: number; orderIds?: number[] }>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);
