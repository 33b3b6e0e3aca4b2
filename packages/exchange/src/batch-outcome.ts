import { type Database, queryRows } from "@cryptotrade/db/client";
import { sql } from "drizzle-orm";
import type { Logger } from "pino";

/** What became of a batch whose write failed. */
export type BatchOutcome = "committed" | "not_committed" | "unknown";

/** How long the read-back may take, in all, before the outcome counts as unknown. */
const DEADLINE_MS = 5_000;
const ATTEMPTS = 3;

/**
 * Finds out whether batch `id` committed after its write failed (the connection may have
 * dropped after COMMIT, losing only the answer). On another pooled connection it claims the
 * id as `abandoned`: if the batch's statement is still running, the claim waits on its row;
 * if the batch committed, the claim conflicts (committed); otherwise the claim wins, and the
 * batch can never commit later, since its own insert of the id would now fail (not committed).
 * When the database cannot be reached within the deadline, the outcome is unknown.
 *
 * @example
 * const outcome = await readBatchOutcome(db, { id: batch.id, epoch }, log); // "committed"
 */
export async function readBatchOutcome(
  db: Database,
  batch: { id: string; epoch: number },
  log: Logger,
): Promise<BatchOutcome> {
  const deadline = performance.now() + DEADLINE_MS;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const left = deadline - performance.now();
    if (left <= 0) break;
    try {
      const claimed = await withDeadline(claimBatch(db, batch, left), left);
      return claimed ? "not_committed" : "committed";
    } catch (error) {
      // A pooled connection may have died with the batch's; the next attempt takes another.
      log.warn({ err: error, batch: batch.id, attempt }, "could not read back a batch's outcome");
    }
  }
  return "unknown";
}

/** True when this claim recorded the batch as abandoned, false when the batch's row exists. */
async function claimBatch(
  db: Database,
  batch: { id: string; epoch: number },
  timeoutMs: number,
): Promise<boolean> {
  // The server gives up too, so a claim stuck behind a lock ends rather than lingering.
  const timeout = sql.raw(`'${Math.max(1, Math.floor(timeoutMs))}ms'`);
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local statement_timeout = ${timeout}`);
    const rows = await queryRows<{ id: string }>(
      tx,
      sql`insert into exchange_batches (id, epoch, outcome)
          values (${batch.id}::uuid, ${batch.epoch}, 'abandoned')
          on conflict (id) do nothing returning id`,
    );
    return rows.length === 1;
  });
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${Math.round(ms)} ms`)), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}
