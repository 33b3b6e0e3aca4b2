import { formatDecimal } from "@cryptotrade/contract/money";
import type { MarketInfo } from "@cryptotrade/exchange";
import { queries } from "@cryptotrade/exchange";
import type { Context } from "../context";

/** A market's rolling 24-hour statistics with its best bid and ask, as decimal strings. */
export async function tickerOf(ctx: Context, market: MarketInfo) {
  const stats = await queries.tickerStats(ctx.db, market.symbol, new Date());
  const price = (value: bigint | null) =>
    value === null ? null : formatDecimal(value, market.quoteDecimals);
  const { bid, ask } = ctx.exchange.bestPrices(market.symbol);
  const change = stats.last !== null && stats.open !== null ? stats.last - stats.open : null;
  // Percent with two decimals, computed in integers: change × 10000 / open.
  const changePercent =
    change !== null && stats.open ? formatDecimal((change * 10_000n) / stats.open, 2) : null;
  return {
    symbol: market.symbol,
    open: price(stats.open),
    high: price(stats.high),
    low: price(stats.low),
    last: price(stats.last),
    bestBid: price(bid ?? null),
    bestAsk: price(ask ?? null),
    change: price(change),
    changePercent,
    volume: formatDecimal(stats.volume, market.baseDecimals),
    quoteVolume: formatDecimal(stats.quoteVolume, market.quoteDecimals),
    trades: stats.trades,
  };
}
