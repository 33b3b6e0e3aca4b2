import type { Database } from "@cryptotrade/db/client";
import { assets, balances, markets, orders, trades, transactions } from "@cryptotrade/db/schema";
import { getFeeAccountId } from "@cryptotrade/db/seed";
import { and, desc, eq, gte, inArray, isNotNull, max, notInArray, sql, sum } from "drizzle-orm";
import { FAUCET_NOTE, faucetDay } from "./commands/wallet";
import { loadIdempotencyKeys } from "./idempotency";
import { loadMarkets } from "./markets";
import type { OrderRecord } from "./records";
import { ExchangeState } from "./state";
import type { MarketUnits } from "./units";

const LIVE = ["untriggered", "open", "partially_filled"] as const;

/**
 * Rebuilds the sequencer's memory from the database: balances, pending withdrawals, and every
 * live order re-queued in its recorded queue position, so nothing acknowledged is lost.
 */
export async function loadState(db: Database): Promise<ExchangeState> {
  const [ids] = await db
    .select({
      order: sql<string | null>`(select ${max(orders.id)} from ${orders})`,
      queue: sql<string | null>`(select ${max(orders.queueSeq)} from ${orders})`,
      trade: sql<string | null>`(select ${max(trades.id)} from ${trades})`,
      transaction: sql<string | null>`(select ${max(transactions.id)} from ${transactions})`,
    })
    .from(sql`(select 1) as one`);
  const next = (value: string | null | undefined) => Number(value ?? 0) + 1;
  const state = new ExchangeState(
    await getFeeAccountId(db),
    next(ids?.order),
    next(ids?.trade),
    next(ids?.transaction),
    next(ids?.queue),
  );

  const sequences = new Map(
    (await db.select({ symbol: markets.symbol, sequence: markets.bookSequence }).from(markets)).map(
      (row) => [row.symbol, row.sequence],
    ),
  );
  for (const info of await loadMarkets(db)) {
    state.addMarket(info);
    const [last] = await db
      .select({ price: trades.price })
      .from(trades)
      .where(eq(trades.market, info.symbol))
      .orderBy(desc(trades.id))
      .limit(1);
    const market = state.markets.get(info.symbol);
    const lastTicks = last && market ? market.units.toTicks(last.price) : undefined;
    state.engine.restoreMarketState(info.symbol, {
      lastPrice: lastTicks,
      sequence: sequences.get(info.symbol) ?? 0,
    });
  }

  for (const row of await db.select().from(assets)) {
    state.assets.set(row.symbol, {
      decimals: row.decimals,
      withdrawalMin: row.withdrawalMin,
      withdrawalFee: row.withdrawalFee,
    });
  }
  await loadFaucetGrants(db, state);

  for (const row of await db.select().from(balances)) {
    state.ledger.load(row.userId, row.asset, { available: row.available, locked: row.locked });
  }
  const pending = await db
    .select()
    .from(transactions)
    .where(and(eq(transactions.type, "withdrawal"), eq(transactions.status, "pending")));
  for (const row of pending) state.pendingWithdrawals.set(row.id, row);

  const live = await db
    .select()
    .from(orders)
    .where(inArray(orders.status, [...LIVE]))
    .orderBy(orders.queueSeq);
  for (const order of live) {
    const market = state.markets.get(order.market);
    if (!market) continue;
    const { units } = market;
    if (order.type === "market") continue; // market orders never rest
    const ticks = (value: bigint | null) => (value === null ? undefined : units.toTicks(value));
    state.engine.restoreOrder({
      orderId: order.id,
      userId: order.userId,
      market: order.market,
      side: order.side,
      type: order.type,
      price: ticks(order.price),
      stopPrice: ticks(order.stopPrice),
      trailingDelta: ticks(order.trailingDelta),
      quantity: order.quantity === null ? undefined : units.toLots(order.quantity),
      filled: units.toLots(order.filledQuantity),
      quoteQuantity: quoteCapOf(order, units),
      timeInForce: order.timeInForce,
      postOnly: order.postOnly,
      stp: order.stp,
      ocoWith: order.ocoOrderId ?? undefined,
      triggered:
        order.status !== "untriggered" &&
        (order.type === "stop_limit" || order.type === "take_profit_limit"),
      watermark:
        order.engineState?.watermark === undefined
          ? undefined
          : Number(order.engineState.watermark),
    });
    state.trackLive(order);
  }
  // A retry of a finished order must get that order back, after a restart too: placing it
  // again would break the unique (user, clientOrderId) index and fail the whole batch.
  const finished = await db
    .select()
    .from(orders)
    .where(and(isNotNull(orders.clientOrderId), notInArray(orders.status, [...LIVE])));
  for (const order of finished) state.rememberClientOrderId(order);
  await loadIdempotencyKeys(db, state);
  return state;
}

/** What the faucet granted each user today, so its daily cap survives a restart. */
async function loadFaucetGrants(db: Database, state: ExchangeState): Promise<void> {
  const day = faucetDay(new Date());
  const grants = await db
    .select({
      userId: transactions.userId,
      asset: transactions.asset,
      total: sum(transactions.amount),
    })
    .from(transactions)
    .where(
      and(
        eq(transactions.type, "deposit"),
        eq(transactions.note, FAUCET_NOTE),
        gte(transactions.createdAt, new Date(`${day}T00:00:00.000Z`)),
      ),
    )
    .groupBy(transactions.userId, transactions.asset);
  for (const grant of grants) {
    state.faucetGrants.set(`${grant.userId}:${grant.asset}`, {
      day,
      total: BigInt(grant.total ?? 0),
    });
  }
}

/** Only untriggered orders carry a quote cap into the book; resting limits have none. */
function quoteCapOf(order: OrderRecord, units: MarketUnits): number | undefined {
  const cap = order.engineState?.quoteCap;
  if (cap !== undefined) return Number(cap);
  return order.quoteQuantity === null ? undefined : units.unitsOf(order.quoteQuantity);
}
