import { CANDLE_INTERVALS, type CandleInterval } from "@cryptotrade/contract/candles";
import type { Database } from "@cryptotrade/db/client";
import { trades } from "@cryptotrade/db/schema";
import { and, desc, eq, gte, sql } from "drizzle-orm";

/** The most recent public trades of a market. */
export function recentTrades(db: Database, symbol: string, limit: number) {
  return db
    .select()
    .from(trades)
    .where(eq(trades.market, symbol))
    .orderBy(desc(trades.id))
    .limit(Math.min(Math.max(limit, 1), 500));
}

export interface TickerStats {
  symbol: string;
  open: bigint | null;
  high: bigint | null;
  low: bigint | null;
  last: bigint | null;
  volume: bigint;
  quoteVolume: bigint;
  trades: number;
}

/** Rolling 24-hour statistics of one market, from its trades. */
export async function tickerStats(db: Database, symbol: string, now: Date): Promise<TickerStats> {
  const since = new Date(now.getTime() - 86_400_000);
  const [window] = await db
    .select({
      open: sql<string | null>`(array_agg(${trades.price} order by ${trades.id}))[1]`,
      high: sql<string | null>`max(${trades.price})`,
      low: sql<string | null>`min(${trades.price})`,
      volume: sql<string>`coalesce(sum(${trades.quantity}), 0)`,
      quoteVolume: sql<string>`coalesce(sum(${trades.quoteQuantity}), 0)`,
      count: sql<string>`count(*)`,
    })
    .from(trades)
    .where(and(eq(trades.market, symbol), gte(trades.createdAt, since)));
  // The last price stands even when nothing traded in the window.
  const [last] = await recentTrades(db, symbol, 1);
  const big = (value: string | null | undefined) => (value == null ? null : BigInt(value));
  return {
    symbol,
    open: big(window?.open) ?? last?.price ?? null,
    high: big(window?.high) ?? last?.price ?? null,
    low: big(window?.low) ?? last?.price ?? null,
    last: last?.price ?? null,
    volume: big(window?.volume) ?? 0n,
    quoteVolume: big(window?.quoteVolume) ?? 0n,
    trades: Number(window?.count ?? 0),
  };
}

export interface Candle {
  time: Date;
  open: bigint;
  high: bigint;
  low: bigint;
  close: bigint;
  volume: bigint;
  quoteVolume: bigint;
  trades: number;
  /** What takers bought: Binance's klines carry it beside the volume. */
  takerBuyVolume: bigint;
  takerBuyQuoteVolume: bigint;
}

/** OHLCV candles built from trades, oldest first, ending with the one still forming. */
export async function candles(
  db: Database,
  symbol: string,
  interval: CandleInterval,
  query: { limit: number; from?: Date; to?: Date; now: Date },
): Promise<Candle[]> {
  const seconds = CANDLE_INTERVALS[interval];
  const to = query.to ?? query.now;
  const from = query.from ?? new Date(to.getTime() - seconds * 1000 * query.limit);
  const bucket = sql`to_timestamp(floor(extract(epoch from ${trades.createdAt}) / ${seconds}) * ${seconds})`;
  const rows = await db
    .select({
      time: sql<Date | string>`${bucket}`,
      open: sql<string>`(array_agg(${trades.price} order by ${trades.id}))[1]`,
      high: sql<string>`max(${trades.price})`,
      low: sql<string>`min(${trades.price})`,
      close: sql<string>`(array_agg(${trades.price} order by ${trades.id} desc))[1]`,
      volume: sql<string>`sum(${trades.quantity})`,
      quoteVolume: sql<string>`sum(${trades.quoteQuantity})`,
      trades: sql<string>`count(*)`,
      takerBuyVolume: sql<string>`coalesce(sum(${trades.quantity}) filter (where ${trades.takerSide} = 'buy'), 0)`,
      takerBuyQuoteVolume: sql<string>`coalesce(sum(${trades.quoteQuantity}) filter (where ${trades.takerSide} = 'buy'), 0)`,
    })
    .from(trades)
    .where(
      and(
        eq(trades.market, symbol),
        gte(trades.createdAt, from),
        sql`${trades.createdAt} <= ${to.toISOString()}`,
      ),
    )
    // By position: the bucket's interval is a bound parameter in each place it is written, so
    // PostgreSQL would not see the select's expression and the group's as the same one.
    .groupBy(sql`1`)
    .orderBy(sql`1 desc`)
    .limit(Math.min(Math.max(query.limit, 1), 1_000));
  return rows.reverse().map((row) => ({
    time: new Date(row.time),
    open: BigInt(row.open),
    high: BigInt(row.high),
    low: BigInt(row.low),
    close: BigInt(row.close),
    volume: BigInt(row.volume),
    quoteVolume: BigInt(row.quoteVolume),
    trades: Number(row.trades),
    takerBuyVolume: BigInt(row.takerBuyVolume),
    takerBuyQuoteVolume: BigInt(row.takerBuyQuoteVolume),
  }));
}
