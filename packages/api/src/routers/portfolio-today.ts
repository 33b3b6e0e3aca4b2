import { formatDecimal } from "@cryptotrade/contract/money";
import { type Database, queryRows } from "@cryptotrade/db/client";
import { assets, portfolioSnapshots, trades, transactions } from "@cryptotrade/db/schema";
import { type MarketInfo, portfolio } from "@cryptotrade/exchange";
import { and, asc, eq, gt, gte, sql } from "drizzle-orm";

const DAY_MS = 86_400_000;
const DECIMALS = portfolio.PORTFOLIO_VALUE_DECIMALS;

/** The day's change of a portfolio: what trading and prices did, deposits and withdrawals aside. */
export interface TodayChange {
  /** In USDT: value now, less value 24 hours ago, less what was deposited plus what was withdrawn. */
  amount: string;
  /** Of the value at the start plus the day's deposits, two decimals; null when that is zero. */
  percent: string | null;
  /** In USDT, deposits less withdrawals of the day, each valued when it happened. */
  netTransfers: string;
  /** When the day's first snapshot was taken: the change is counted from there. */
  since: Date;
}

/** Last trade price of each market at `moment`, in quote minor units. */
async function pricesAt(db: Database, moment: Date): Promise<Map<string, bigint>> {
  const rows = await queryRows<{ market: string; price: string }>(
    db,
    sql`select distinct on (market) market, price::text as price from ${trades}
        where ${trades.createdAt} <= ${moment.toISOString()} order by market, id desc`,
  );
  return new Map(rows.map((row) => [row.market, BigInt(row.price)]));
}

/**
 * The money that came in and went out since `since`, valued in USDT at the prices of the
 * moment it moved: deposits when credited, withdrawals when approved (a pending one is only
 * held, still in the balance). A withdrawal's fee is not a transfer: it is a cost of the day.
 */
async function netTransfersSince(
  db: Database,
  userId: number,
  markets: MarketInfo[],
  since: Date,
): Promise<{ net: bigint; deposited: bigint }> {
  const moved = await db
    .select({
      type: transactions.type,
      amount: transactions.amount,
      at: transactions.updatedAt,
      decimals: assets.decimals,
      asset: transactions.asset,
    })
    .from(transactions)
    .innerJoin(assets, eq(assets.symbol, transactions.asset))
    .where(
      and(
        eq(transactions.userId, userId),
        eq(transactions.status, "completed"),
        gt(transactions.updatedAt, since),
      ),
    )
    .orderBy(asc(transactions.updatedAt));
  let net = 0n;
  let deposited = 0n;
  for (const transfer of moved) {
    const unit = portfolio.unitValues(markets, await pricesAt(db, transfer.at)).get(transfer.asset);
    // An asset with no price then had no value in the portfolio either: it moved nothing.
    if (unit === undefined) continue;
    const value = (transfer.amount * unit) / 10n ** BigInt(transfer.decimals);
    if (transfer.type === "deposit") {
      net += value;
      deposited += value;
    } else {
      net -= value;
    }
  }
  return { net, deposited };
}

/**
 * The portfolio's change over the last 24 hours with deposits and withdrawals taken out, from
 * the first value snapshot of that window to `totalValue` now; null before there is such a
 * snapshot. A 5 ETH faucet deposit adds value but is not a gain.
 *
 * @example
 * await todayChange(db, userId, markets, valued.totalValue);
 * // { amount: "-12.340000", percent: "-0.21", netTransfers: "15770.370000", since }
 */
export async function todayChange(
  db: Database,
  userId: number,
  markets: MarketInfo[],
  totalValue: bigint,
  now = new Date(),
): Promise<TodayChange | null> {
  const [first] = await db
    .select({ takenAt: portfolioSnapshots.takenAt, totalValue: portfolioSnapshots.totalValue })
    .from(portfolioSnapshots)
    .where(
      and(
        eq(portfolioSnapshots.userId, userId),
        gte(portfolioSnapshots.takenAt, new Date(now.getTime() - DAY_MS)),
      ),
    )
    .orderBy(asc(portfolioSnapshots.takenAt))
    .limit(1);
  if (!first) return null;
  const { net, deposited } = await netTransfersSince(db, userId, markets, first.takenAt);
  const change = totalValue - first.totalValue - net;
  const base = first.totalValue + deposited;
  return {
    amount: formatDecimal(change, DECIMALS),
    percent: base > 0n ? formatDecimal((change * 10_000n) / base, 2) : null,
    netTransfers: formatDecimal(net, DECIMALS),
    since: first.takenAt,
  };
}
