import { formatDecimal } from "@cryptotrade/contract/money";
import type { Batch } from "../batch";
import { ExchangeError, invalidInput } from "../errors";
import type { WithdrawalReview } from "../exchange-service";
import { type IdempotencyRef, runOnce } from "../idempotency";
import type { TransactionRecord } from "../records";
import type { AssetRules, ExchangeState } from "../state";

/** Withdrawals one user may have waiting for review at once. */
export const MAX_PENDING_WITHDRAWALS = 10;
/** The note on every faucet grant; recovery sums today's grants by it. */
export const FAUCET_NOTE = "demo faucet";

export interface TransferRequest {
  userId: number;
  asset: string;
  amount: bigint;
  address?: string | null;
  note?: string | null;
  /**
   * Set for the demo faucet: the most this user may be granted of this asset per UTC day,
   * checked and counted here in the single writer, so parallel requests cannot overshoot it.
   */
  faucetDailyLimit?: bigint;
  /** Makes a retry harmless: the same key and content get the first outcome back (ADR 025). */
  idempotencyKey?: string;
  /** Whose key it is, when not the account's owner (the admin who credits a deposit). */
  requestedBy?: number;
}

/** Credits money arriving from outside: the demo faucet or an admin-confirmed deposit. */
export function deposit(
  state: ExchangeState,
  batch: Batch,
  request: TransferRequest,
): TransactionRecord {
  const { userId, asset, amount, note } = request;
  const content = { userId, asset, amount, note: note ?? null, faucet: !!request.faucetDailyLimit };
  return runOnce(state, batch, keyOf(request), "deposit", content, () =>
    credit(state, batch, request),
  );
}

function credit(state: ExchangeState, batch: Batch, request: TransferRequest): TransactionRecord {
  const rules = requireAsset(state, request.asset);
  const grant =
    request.faucetDailyLimit === undefined ? null : checkFaucetGrant(state, batch, request, rules);
  const note = grant ? FAUCET_NOTE : request.note;
  const transaction = newTransaction(state, batch, { ...request, note }, "deposit", "completed");
  grant?.();
  state.ledger.credit(request.userId, request.asset, request.amount, ref(transaction));
  emit(batch, transaction);
  return transaction;
}

/**
 * Holds amount + the asset's fee and records a withdrawal that waits for an admin's review.
 * Refused below the asset's minimum, beyond MAX_PENDING_WITHDRAWALS waiting, or when the
 * available balance cannot cover amount + fee.
 */
export function requestWithdrawal(
  state: ExchangeState,
  batch: Batch,
  request: TransferRequest,
): TransactionRecord {
  const { userId, asset, amount, address } = request;
  const content = { userId, asset, amount, address: address ?? null };
  return runOnce(state, batch, keyOf(request), "withdraw", content, () =>
    holdWithdrawal(state, batch, request),
  );
}

function holdWithdrawal(
  state: ExchangeState,
  batch: Batch,
  request: TransferRequest,
): TransactionRecord {
  const rules = requireAsset(state, request.asset);
  if (request.amount < rules.withdrawalMin) {
    const minimum = formatDecimal(rules.withdrawalMin, rules.decimals);
    const message = `The amount is below the minimum withdrawal of ${minimum} ${request.asset}`;
    throw invalidInput("BELOW_MIN_WITHDRAWAL", "amount", message);
  }
  let waiting = 0;
  for (const pending of state.pendingWithdrawals.values()) {
    if (pending.userId === request.userId) waiting += 1;
  }
  if (waiting >= MAX_PENDING_WITHDRAWALS) {
    throw new ExchangeError(
      "LIMIT_REACHED",
      `You have ${MAX_PENDING_WITHDRAWALS} withdrawals waiting for review; wait until one is reviewed`,
    );
  }
  const held = request.amount + rules.withdrawalFee;
  if (state.ledger.available(request.userId, request.asset) < held) {
    throw new ExchangeError(
      "INSUFFICIENT_FUNDS",
      `Insufficient ${request.asset} available to withdraw`,
    );
  }
  const transaction = newTransaction(state, batch, request, "withdrawal", "pending");
  transaction.fee = rules.withdrawalFee;
  state.ledger.hold(request.userId, request.asset, held, ref(transaction));
  state.pendingWithdrawals.set(transaction.id, transaction);
  emit(batch, transaction);
  return transaction;
}

/**
 * Sends an approved withdrawal out and pays its fee to the fee account, or returns a rejected
 * one's amount and fee to the user.
 */
export function reviewWithdrawal(
  state: ExchangeState,
  batch: Batch,
  review: WithdrawalReview,
): TransactionRecord {
  const transaction = state.pendingWithdrawals.get(review.transactionId);
  if (!transaction) throw new ExchangeError("NOT_FOUND", "No pending withdrawal with that id");
  const { userId, asset, amount, fee } = transaction;
  if (review.approve) {
    state.ledger.debitLocked(userId, asset, amount, ref(transaction));
    state.ledger.payHeldFee(userId, state.feeAccountId, asset, fee, ref(transaction));
  } else {
    state.ledger.release(userId, asset, amount + fee, ref(transaction));
  }
  transaction.status = review.approve ? "completed" : "rejected";
  transaction.reviewedBy = review.reviewerId;
  transaction.note = review.note ?? transaction.note;
  state.pendingWithdrawals.delete(transaction.id);
  batch.touchTransaction(transaction);
  emit(batch, transaction);
  return transaction;
}

/** The UTC day of a moment, as the faucet's daily cap counts it. */
export function faucetDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

function keyOf(request: TransferRequest): IdempotencyRef | undefined {
  if (request.idempotencyKey === undefined) return undefined;
  return { callerId: request.requestedBy ?? request.userId, key: request.idempotencyKey };
}

function requireAsset(state: ExchangeState, asset: string): AssetRules {
  const rules = state.assets.get(asset);
  if (!rules) throw invalidInput("UNKNOWN_ASSET", "asset", `There is no asset ${asset}`);
  return rules;
}

/** Refuses a grant past today's cap; returns what counts it, to run once nothing else can fail. */
function checkFaucetGrant(
  state: ExchangeState,
  batch: Batch,
  request: TransferRequest,
  rules: AssetRules,
): () => void {
  const limit = request.faucetDailyLimit ?? 0n;
  const key = `${request.userId}:${request.asset}`;
  const day = faucetDay(batch.now);
  const granted = state.faucetGrants.get(key);
  const total = granted?.day === day ? granted.total : 0n;
  if (total + request.amount > limit) {
    const left = formatDecimal(limit > total ? limit - total : 0n, rules.decimals);
    throw new ExchangeError(
      "LIMIT_REACHED",
      `The amount is above the faucet's daily limit of ${formatDecimal(limit, rules.decimals)} ${request.asset}; ${left} left today`,
      { field: "amount" },
    );
  }
  return () => state.faucetGrants.set(key, { day, total: total + request.amount });
}

function newTransaction(
  state: ExchangeState,
  batch: Batch,
  request: TransferRequest,
  type: TransactionRecord["type"],
  status: TransactionRecord["status"],
): TransactionRecord {
  if (request.amount <= 0n) {
    throw invalidInput("NOT_POSITIVE", "amount", "The amount must be greater than zero");
  }
  const transaction: TransactionRecord = {
    id: state.nextTransactionId++,
    userId: request.userId,
    asset: request.asset,
    type,
    amount: request.amount,
    fee: 0n,
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

/** A copy: a pending withdrawal's record changes in place when it is reviewed. */
function emit(batch: Batch, transaction: TransactionRecord): void {
  batch.events.push({
    type: "transaction",
    userId: transaction.userId,
    transaction: { ...transaction },
  });
}
