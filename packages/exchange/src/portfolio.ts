import { formatDecimal } from "@cryptotrade/contract/money";
import { type Database, queryRows } from "@cryptotrade/db/client";
import { portfolioSnapshots, trades } from "@cryptotrade/db/schema";
import { and, asc, eq, gte, lte, or, sql } from "drizzle-orm";
import type { MarketInfo } from "./markets";
import { balancesOf } from "./queries/wallet";

/** Portfolios are valued in this asset. */
export const VALUE_ASSET = "USDT";
const VALUE_DECIMALS = 6;

/** Last trade price of each market, in quote minor units. */
export async function lastPrices(db: Database): Promise<Map<string, bigint>> {
  const rows = await queryRows<{ market: string; price: string }>(
    db,
    sql`select distinct on (market) market, price::text as price from ${trades} order by market, id desc`,
  );
  return new Map(rows.map((r) => [r.market, BigInt(r.price)]));
}

/**
 * Values a whole unit of each asset in USDT minor units: directly through ASSET-USDT, or
 * through one hop (ETH-BTC then BTC-USDT). Assets with no route have no value yet.
 */
export function unitValues(
  markets: MarketInfo[],
  prices: Map<string, bigint>,
): Map<string, bigint> {
  const values = new Map<string, bigint>([[VALUE_ASSET, 10n ** BigInt(VALUE_DECIMALS)]]);
  for (const market of markets) {
    const price = prices.get(market.symbol);
    if (market.quoteAsset === VALUE_ASSET && price !== undefined)
      values.set(market.baseAsset, price);
  }
  for (const market of markets) {
    const price = prices.get(market.symbol);
    const quoteValue = values.get(market.quoteAsset);
    if (values.has(market.baseAsset) || price === undefined || quoteValue === undefined) continue;
    values.set(market.baseAsset, (price * quoteValue) / 10n ** BigInt(market.quoteDecimals));
  }
  return values;
}

export interface Holding {
  asset: string;
  decimals: number;
  available: bigint;
  locked: bigint;
  total: bigint;
  /** In USDT minor units; null when the asset has no price yet. */
  value: bigint | null;
}

/** The user's balances with their value in USDT. */
export async function valueHoldings(db: Database, userId: number, markets: MarketInfo[]) {
  const [balances, prices] = await Promise.all([balancesOf(db, userId), lastPrices(db)]);
  const values = unitValues(markets, prices);
  const holdings: Holding[] = balances.map((b) => {
    const total = b.available + b.locked;
    const unit = values.get(b.asset);
    return {
      ...b,
      total,
      value: unit === undefined ? null : (total * unit) / 10n ** BigInt(b.decimals),
    };
  });
  const totalValue = holdings.reduce((sum, h) => sum + (h.value ?? 0n), 0n);
  return { holdings, totalValue, unitValues: values };
}

export interface AssetPnl {
  asset: string;
  position: bigint;
  averageCost: bigint;
  realized: bigint;
  unrealized: bigint;
}

/**
 * Realized and unrealized P&L on average cost, per base asset of the USDT markets. Fees count
 * against P&L. Coins that arrived by deposit have no known cost, so selling them realizes only
 * the fee.
 */
export async function profitAndLoss(
  db: Database,
  userId: number,
  markets: MarketInfo[],
  values: Map<string, bigint>,
): Promise<AssetPnl[]> {
  const usdMarkets = markets.filter((m) => m.quoteAsset === VALUE_ASSET);
  const result: AssetPnl[] = [];
  for (const market of usdMarkets) {
    const scale = 10n ** BigInt(market.baseDecimals);
    const fills = await db
      .select()
      .from(trades)
      .where(
        and(
          eq(trades.market, market.symbol),
          or(eq(trades.makerUserId, userId), eq(trades.takerUserId, userId)),
        ),
      )
      .orderBy(asc(trades.id));
    if (fills.length === 0) continue;
    let position = 0n;
    let cost = 0n;
    let realized = 0n;
    for (const fill of fills) {
      const maker = fill.makerUserId === userId;
      const side = maker ? (fill.takerSide === "buy" ? "sell" : "buy") : fill.takerSide;
      const fee = maker ? fill.makerFee : fill.takerFee;
      if (side === "buy") {
        position += fill.quantity;
        cost += fill.quoteQuantity + fee;
        continue;
      }
      const matched = fill.quantity < position ? fill.quantity : position;
      const matchedCost = position === 0n ? 0n : (cost * matched) / position;
      const proceeds = fill.quantity === 0n ? 0n : (fill.quoteQuantity * matched) / fill.quantity;
      realized += proceeds - matchedCost - fee;
      position -= matched;
      cost -= matchedCost;
    }
    const unit = values.get(market.baseAsset) ?? 0n;
    const marketValue = (position * unit) / scale;
    result.push({
      asset: market.baseAsset,
      position,
      averageCost: position === 0n ? 0n : (cost * scale) / position,
      realized,
      unrealized: position === 0n ? 0n : marketValue - cost,
    });
  }
  return result;
}

/** Records the user's portfolio value now, for the history chart. */
export async function takeSnapshot(
  db: Database,
  userId: number,
  markets: MarketInfo[],
  takenAt = new Date(),
) {
  const { holdings, totalValue } = await valueHoldings(db, userId, markets);
  const detail = Object.fromEntries(
    holdings
      .filter((h) => h.total > 0n)
      .map((h) => [
        h.asset,
        {
          total: formatDecimal(h.total, h.decimals),
          value: formatDecimal(h.value ?? 0n, VALUE_DECIMALS),
        },
      ]),
  );
  const [row] = await db
    .insert(portfolioSnapshots)
    .values({ userId, valueAsset: VALUE_ASSET, totalValue, holdings: detail, takenAt })
    .returning();
  return row;
}

/** Snapshots of one user over a time range, oldest first. */
export function snapshotHistory(db: Database, userId: number, range: { from: Date; to: Date }) {
  return db
    .select()
    .from(portfolioSnapshots)
    .where(
      and(
        eq(portfolioSnapshots.userId, userId),
        gte(portfolioSnapshots.takenAt, range.from),
        lte(portfolioSnapshots.takenAt, range.to),
      ),
    )
    .orderBy(asc(portfolioSnapshots.takenAt))
    .limit(2_000);
}

/** Snapshots every user holding anything; the server runs it on a schedule. */
export async function snapshotAllPortfolios(db: Database, markets: MarketInfo[]): Promise<number> {
  const rows = await queryRows<{ user_id: number | string }>(
    db,
    sql`select distinct user_id from balances b join users u on u.id = b.user_id
        where u.role <> 'system' and (b.available > 0 or b.locked > 0)`,
  );
  const takenAt = new Date();
  for (const row of rows) await takeSnapshot(db, Number(row.user_id), markets, takenAt);
  return rows.length;
}

export const PORTFOLIO_VALUE_DECIMALS = VALUE_DECIMALS;
