import { MatchingEngine } from "@cryptotrade/engine";
import type { RememberedCommand } from "./idempotency";
import { Ledger } from "./ledger";
import type { MarketInfo } from "./markets";
import type { OrderRecord, TransactionRecord } from "./records";
import { MarketUnits } from "./units";

/** What the sequencer needs to know of an asset to move it in and out. */
export interface AssetRules {
  decimals: number;
  /** The smallest withdrawal, in minor units. */
  withdrawalMin: bigint;
  /** Paid to the fee account by each approved withdrawal, on top of its amount. */
  withdrawalFee: bigint;
}

export interface MarketState {
  info: MarketInfo;
  units: MarketUnits;
}

/**
 * The sequencer's memory: books, balances, live orders and id counters. Rebuilt from the
 * database on start and after a failed commit, so it never holds anything undurable for long.
 */
export class ExchangeState {
  readonly engine = new MatchingEngine();
  readonly ledger = new Ledger();
  readonly markets = new Map<string, MarketState>();
  /** Orders still on a book or waiting for their trigger. */
  readonly liveOrders = new Map<number, OrderRecord>();
  private readonly liveByUser = new Map<number, Set<number>>();
  /** `userId:clientOrderId` → the order, for every order this process has seen with one. */
  readonly clientOrderIds = new Map<string, OrderRecord>();
  readonly pendingWithdrawals = new Map<number, TransactionRecord>();
  /** `callerId:idempotencyKey` → the money command that key carried out (see `runOnce`). */
  readonly idempotencyKeys = new Map<string, RememberedCommand>();
  readonly assets = new Map<string, AssetRules>();
  /**
   * `userId:asset` → what the demo faucet granted on `day` (UTC, YYYY-MM-DD). Kept here, in
   * the single writer, so parallel requests cannot all pass a check made before any counts.
   */
  readonly faucetGrants = new Map<string, { day: string; total: bigint }>();

  constructor(
    readonly feeAccountId: number,
    public nextOrderId: number,
    public nextTradeId: number,
    public nextTransactionId: number,
    public nextQueueSeq: number,
  ) {}

  addMarket(info: MarketInfo): MarketState {
    const market = { info, units: new MarketUnits(info) };
    this.markets.set(info.symbol, market);
    this.engine.addMarket({ symbol: info.symbol, priceBandBps: info.priceBandBps });
    return market;
  }

  trackLive(order: OrderRecord): void {
    this.liveOrders.set(order.id, order);
    let ids = this.liveByUser.get(order.userId);
    if (!ids) {
      ids = new Set();
      this.liveByUser.set(order.userId, ids);
    }
    ids.add(order.id);
    if (order.clientOrderId) this.rememberClientOrderId(order);
  }

  untrackLive(order: OrderRecord): void {
    this.liveOrders.delete(order.id);
    this.liveByUser.get(order.userId)?.delete(order.id);
  }

  liveOrdersOf(userId: number): OrderRecord[] {
    const ids = this.liveByUser.get(userId);
    if (!ids) return [];
    return [...ids].flatMap((id) => this.liveOrders.get(id) ?? []);
  }

  rememberClientOrderId(order: OrderRecord): void {
    if (order.clientOrderId) {
      this.clientOrderIds.set(clientOrderKey(order.userId, order.clientOrderId), order);
    }
  }
}

export function clientOrderKey(userId: number, clientOrderId: string): string {
  return `${userId}:${clientOrderId}`;
}
