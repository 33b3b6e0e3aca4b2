import { IDEMPOTENCY_KEY_PATTERN } from "@cryptotrade/contract/limits";
import type { Database } from "@cryptotrade/db/client";
import { idempotencyKeys, orders, transactions } from "@cryptotrade/db/schema";
import { inArray, sql } from "drizzle-orm";
import type { Batch } from "./batch";
import { ExchangeError, invalidInput } from "./errors";
import type { OrderRecord, TransactionRecord } from "./records";
import type { ExchangeState } from "./state";

/** The money commands that take an idempotency key, and what each one returns. */
interface IdempotentResults {
  deposit: TransactionRecord;
  withdraw: TransactionRecord;
  cancel: OrderRecord;
  cancelAll: OrderRecord[];
}
export type IdempotentCommand = keyof IdempotentResults;

/** A command's key and whose it is: the caller's (the admin's, for an admin's credit). */
export interface IdempotencyRef {
  callerId: number;
  key: string;
}

/** What the sequencer remembers of a key: the command, its content, and the records it made. */
export interface RememberedCommand {
  command: IdempotentCommand;
  fingerprint: string;
  value: IdempotentResults[IdempotentCommand];
}

export type IdempotencyKeyRow = Omit<typeof idempotencyKeys.$inferInsert, "createdAt">;

/**
 * Runs a money command once per key: a retry with the same key and the same content gets the
 * first outcome's records back (as they are now) and changes nothing; the same key with other
 * content is a CONFLICT. The key is written in the command's own batch, so it is durable
 * exactly when the effect is. A refused command records no key: it changed nothing.
 *
 * @example
 * runOnce(state, batch, { callerId: 7, key: "dep-1" }, "deposit", { asset, amount }, () => credit());
 */
export function runOnce<C extends IdempotentCommand>(
  state: ExchangeState,
  batch: Batch,
  ref: IdempotencyRef | undefined,
  command: C,
  content: Record<string, unknown>,
  run: () => IdempotentResults[C],
): IdempotentResults[C] {
  if (!ref) return run();
  // Checked here too: a forwarded command crossed a process boundary.
  if (!IDEMPOTENCY_KEY_PATTERN.test(ref.key)) {
    const message = "The idempotency key must be 1-64 letters, digits, or _ : . -";
    throw invalidInput("INVALID_INPUT", "idempotencyKey", message);
  }
  const key = idempotencyMapKey(ref);
  const fingerprint = JSON.stringify(content, (_key, value) =>
    typeof value === "bigint" ? value.toString() : value,
  );
  const known = state.idempotencyKeys.get(key);
  if (known) {
    if (known.command !== command || known.fingerprint !== fingerprint) {
      throw new ExchangeError(
        "CONFLICT",
        "The idempotency key is already used for a different request",
        {
          reason: "IDEMPOTENCY_KEY_REUSED",
          field: "idempotencyKey",
        },
      );
    }
    return known.value as IdempotentResults[C];
  }
  const value = run();
  state.idempotencyKeys.set(key, { command, fingerprint, value });
  batch.idempotencyKeys.push({
    userId: ref.callerId,
    key: ref.key,
    command,
    fingerprint,
    result: resultOf(value),
  });
  return value;
}

function idempotencyMapKey(ref: IdempotencyRef): string {
  return `${ref.callerId}:${ref.key}`;
}

function resultOf(value: IdempotentResults[IdempotentCommand]): IdempotencyKeyRow["result"] {
  if (Array.isArray(value)) return { orderIds: value.map((order) => order.id) };
  return "type" in value && (value.type === "deposit" || value.type === "withdrawal")
    ? { transactionId: value.id }
    : { orderIds: [value.id] };
}

/**
 * Loads every recorded key with the records it points to, so a retry after a restart gets the
 * first outcome too. Call after pending withdrawals and live orders are loaded: a key shares
 * their records, so a later review or fill shows in the retry's answer.
 */
export async function loadIdempotencyKeys(db: Database, state: ExchangeState): Promise<void> {
  const keys = await db.select().from(idempotencyKeys);
  if (keys.length === 0) return;
  const keyedTransactions = db
    .select({ id: sql`(${idempotencyKeys.result} ->> 'transactionId')::bigint` })
    .from(idempotencyKeys);
  const keyedOrders = db
    .select({ id: sql`jsonb_array_elements_text(${idempotencyKeys.result} -> 'orderIds')::bigint` })
    .from(idempotencyKeys);
  const transactionsById = new Map<number, TransactionRecord>();
  for (const row of await db
    .select()
    .from(transactions)
    .where(inArray(transactions.id, keyedTransactions))) {
    transactionsById.set(row.id, state.pendingWithdrawals.get(row.id) ?? row);
  }
  const ordersById = new Map<number, OrderRecord>();
  for (const row of await db.select().from(orders).where(inArray(orders.id, keyedOrders))) {
    ordersById.set(row.id, state.liveOrders.get(row.id) ?? row);
  }
  for (const row of keys) {
    const command = row.command as IdempotentCommand;
    const orderList = (row.result.orderIds ?? []).flatMap((id) => ordersById.get(id) ?? []);
    const transaction =
      row.result.transactionId === undefined
        ? undefined
        : transactionsById.get(row.result.transactionId);
    const value = command === "cancelAll" ? orderList : (transaction ?? orderList[0]);
    if (value === undefined) continue;
    state.idempotencyKeys.set(idempotencyMapKey({ callerId: row.userId, key: row.key }), {
      command,
      fingerprint: row.fingerprint,
      value,
    });
  }
}
