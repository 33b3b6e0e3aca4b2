import type { ledgerEntries } from "@cryptotrade/db/schema";

export type LedgerEntryRow = typeof ledgerEntries.$inferInsert;
type Reason = LedgerEntryRow["reason"];
type Ref = { refType: LedgerEntryRow["refType"]; refId: number };

export interface Balance {
  available: bigint;
  locked: bigint;
}

/**
 * The sequencer's balances, always equal to the sum of the ledger. Every change is a set of
 * entries summing to zero per asset; a change that would go negative throws, which fails the
 * batch and makes the sequencer rebuild from the database (it is a bug, never a user error).
 */
export class Ledger {
  private readonly balances = new Map<number, Map<string, Balance>>();
  private entries: LedgerEntryRow[] = [];
  private dirty = new Map<string, { userId: number; asset: string }>();

  load(userId: number, asset: string, balance: Balance): void {
    this.accountsOf(userId).set(asset, { ...balance });
  }

  get(userId: number, asset: string): Balance {
    return this.balances.get(userId)?.get(asset) ?? { available: 0n, locked: 0n };
  }

  available(userId: number, asset: string): bigint {
    return this.get(userId, asset).available;
  }

  /** Money arriving from outside (a deposit). */
  credit(userId: number, asset: string, amount: bigint, ref: Ref): void {
    this.post(null, asset, "external", -amount, "deposit", ref);
    this.post(userId, asset, "available", amount, "deposit", ref);
  }

  /** Held money leaving the exchange (an approved withdrawal). */
  debitLocked(userId: number, asset: string, amount: bigint, ref: Ref): void {
    this.post(userId, asset, "locked", -amount, "withdrawal", ref);
    this.post(null, asset, "external", amount, "withdrawal", ref);
  }

  /** A held fee paid to the fee account (an approved withdrawal's). */
  payHeldFee(userId: number, feeAccountId: number, asset: string, fee: bigint, ref: Ref): void {
    this.post(userId, asset, "locked", -fee, "fee", ref);
    this.post(feeAccountId, asset, "available", fee, "fee", ref);
  }

  hold(userId: number, asset: string, amount: bigint, ref: Ref): void {
    this.post(userId, asset, "available", -amount, "hold", ref);
    this.post(userId, asset, "locked", amount, "hold", ref);
  }

  release(userId: number, asset: string, amount: bigint, ref: Ref): void {
    this.post(userId, asset, "locked", -amount, "release", ref);
    this.post(userId, asset, "available", amount, "release", ref);
  }

  /** One trade's settlement: the buyer's held quote pays the seller and the fees. */
  settleTrade(trade: {
    buyerId: number;
    sellerId: number;
    feeAccountId: number;
    baseAsset: string;
    quoteAsset: string;
    base: bigint;
    quote: bigint;
    buyerFee: bigint;
    sellerFee: bigint;
    ref: Ref;
  }): void {
    const { ref, quoteAsset: q, baseAsset: b } = trade;
    this.post(trade.buyerId, q, "locked", -trade.quote, "trade", ref);
    this.post(trade.buyerId, q, "locked", -trade.buyerFee, "fee", ref);
    this.post(trade.buyerId, b, "available", trade.base, "trade", ref);
    this.post(trade.sellerId, b, "locked", -trade.base, "trade", ref);
    this.post(trade.sellerId, q, "available", trade.quote, "trade", ref);
    this.post(trade.sellerId, q, "available", -trade.sellerFee, "fee", ref);
    this.post(trade.feeAccountId, q, "available", trade.buyerFee + trade.sellerFee, "fee", ref);
  }

  /** Hands over what changed since the last call: entries to insert and balances to write. */
  drain(): {
    entries: LedgerEntryRow[];
    balances: Array<{ userId: number; asset: string } & Balance>;
  } {
    const entries = this.entries;
    const balances = [...this.dirty.values()].map((key) => ({
      ...key,
      ...this.get(key.userId, key.asset),
    }));
    this.entries = [];
    this.dirty = new Map();
    return { entries, balances };
  }

  private post(
    userId: number | null,
    asset: string,
    bucket: "available" | "locked" | "external",
    amount: bigint,
    reason: Reason,
    ref: Ref,
  ): void {
    if (amount === 0n) return;
    this.entries.push({ userId, asset, bucket, amount, reason, ...ref });
    if (userId === null || bucket === "external") return;
    const balance = this.accountsOf(userId).get(asset) ?? { available: 0n, locked: 0n };
    const next = balance[bucket] + amount;
    if (next < 0n) {
      throw new Error(`ledger: ${bucket} ${asset} of user ${userId} would go negative`);
    }
    balance[bucket] = next;
    this.accountsOf(userId).set(asset, balance);
    this.dirty.set(`${userId}:${asset}`, { userId, asset });
  }

  private accountsOf(userId: number): Map<string, Balance> {
    let accounts = this.balances.get(userId);
    if (!accounts) {
      accounts = new Map();
      this.balances.set(userId, accounts);
    }
    return accounts;
  }
}
