import type { Batch } from "../batch";
import { ExchangeError } from "../errors";
import type { TransactionRecord } from "../records";
import type { ExchangeState } from "../state";

export interface TransferRequest {
  userId: number;
  asset: string;
  amount: bigint;
  address?: string | null;
  note?: string | null;
}

/** Credits money arriving from outside: the demo faucet or an admin-confirmed deposit. */
export function deposit(
  state: ExchangeState,
  batch: Batch,
  request: TransferRequest,
): TransactionRecord {
  const transaction = newTransaction(state, batch, request, "deposit", "completed");
  state.ledger.credit(request.userId, request.asset, request.amount, ref(transaction));
  emit(batch, transaction);
  return transaction;
}

/** Holds the amount and records a withdrawal that waits for an admin's review. */
export function requestWithdrawal(
  state: ExchangeState,
  batch: Batch,
  request: TransferRequest,
): TransactionRecord {
  if (state.ledger.available(request.userId, request.asset) < request.amount) {
    throw new ExchangeError(
      "INSUFFICIENT_FUNDS",
      `Insufficient ${request.asset} available to withdraw`,
    );
  }
  const transaction = newTransaction(state, batch, request, "withdrawal", "pending");
  state.ledger.hold(request.userId, request.asset, request.amount, ref(transaction));
  state.pendingWithdrawals.set(transaction.id, transaction);
  emit(batch, transaction);
  return transaction;
}

/** Sends an approved withdrawal out, or returns a rejected one's hold to the user. */
export function reviewWithdrawal(
  state: ExchangeState,
  batch: Batch,
  review: { transactionId: number; approve: boolean; reviewerId: number; note?: string | null },
): TransactionRecord {
  const transaction = state.pendingWithdrawals.get(review.transactionId);
  if (!transaction) throw new ExchangeError("NOT_FOUND", "No pending withdrawal with that id");
  const { userId, asset, amount } = transaction;
  if (review.approve) state.ledger.debitLocked(userId, asset, amount, ref(transaction));
  else state.ledger.release(userId, asset, amount, ref(transaction));
  transaction.status = review.approve ? "completed" : "rejected";
  transaction.reviewedBy = review.reviewerId;
  transaction.note = review.note ?? transaction.note;
  state.pendingWithdrawals.delete(transaction.id);
  batch.touchTransaction(transaction);
  emit(batch, transaction);
  return transaction;
}

function newTransaction(
  state: ExchangeState,
  batch: Batch,
  request: TransferRequest,
  type: TransactionRecord["type"],
  status: TransactionRecord["status"],
): TransactionRecord {
  if (request.amount <= 0n)
    throw new ExchangeError("INVALID_INPUT", "amount: must be greater than zero", "amount");
  const transaction: TransactionRecord = {
    id: state.nextTransactionId++,
    userId: request.userId,
    asset: request.asset,
    type,
    amount: request.amount,
    status,
    address: request.address ?? null,
    note: request.note ?? null,
    reviewedBy: null,
    createdAt: batch.now,
    updatedAt: batch.now,
  };
  batch.touchTransaction(transaction);
  return transaction;
}

function ref(transaction: TransactionRecord) {
  return { refType: "transaction" as const, refId: transaction.id };
}

function emit(batch: Batch, transaction: TransactionRecord): void {
  batch.events.push({ type: "transaction", userId: transaction.userId, transaction });
}
