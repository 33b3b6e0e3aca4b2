import { formatDecimal } from "@cryptotrade/contract/money";
import { portfolio } from "@cryptotrade/exchange";
import { z } from "zod";
import { protectedProcedure, router } from "../trpc";
import { onBalanceUpdates } from "./account-streams";
import { todayChange } from "./portfolio-today";

const usd = (value: bigint) => formatDecimal(value, portfolio.PORTFOLIO_VALUE_DECIMALS);

export const portfolioRouter = router({
  onBalances: onBalanceUpdates,

  /** Every asset: available, locked, total and its value in USDT. */
  balances: protectedProcedure.query(async ({ ctx }) => {
    const { holdings } = await portfolio.valueHoldings(ctx.db, ctx.user.id, ctx.exchange.markets());
    return holdings.map((h) => ({
      asset: h.asset,
      available: formatDecimal(h.available, h.decimals),
      locked: formatDecimal(h.locked, h.decimals),
      total: formatDecimal(h.total, h.decimals),
      value: h.value === null ? null : usd(h.value),
      valueAsset: portfolio.VALUE_ASSET,
    }));
  }),

  /** Total value, today's change (transfers aside), allocation and P&L on average cost, in USDT. */
  summary: protectedProcedure.query(async ({ ctx }) => {
    const markets = ctx.exchange.markets();
    const valued = await portfolio.valueHoldings(ctx.db, ctx.user.id, markets);
    const pnl = await portfolio.profitAndLoss(ctx.db, ctx.user.id, markets, valued.unitValues);
    const total = valued.totalValue;
    const today = await todayChange(ctx.db, ctx.user.id, markets, total);
    const realized = pnl.reduce((sum, p) => sum + p.realized, 0n);
    const unrealized = pnl.reduce((sum, p) => sum + p.unrealized, 0n);
    return {
      valueAsset: portfolio.VALUE_ASSET,
      totalValue: usd(total),
      today,
      allocation: valued.holdings
        .filter((h) => h.total > 0n)
        .map((h) => ({
          asset: h.asset,
          value: h.value === null ? null : usd(h.value),
          // Percent with two decimals, in integers.
          percent:
            total > 0n && h.value !== null ? formatDecimal((h.value * 10_000n) / total, 2) : "0.00",
        })),
      realizedPnl: usd(realized),
      unrealizedPnl: usd(unrealized),
      assets: pnl.map((p) => ({
        asset: p.asset,
        position: formatDecimal(
          p.position,
          markets.find((m) => m.baseAsset === p.asset)?.baseDecimals ?? 8,
        ),
        averageCost: usd(p.averageCost),
        realizedPnl: usd(p.realized),
        unrealizedPnl: usd(p.unrealized),
      })),
    };
  }),

  /** Value snapshots over a range (default: the last 30 days). */
  history: protectedProcedure
    .input(z.strictObject({ from: z.date().optional(), to: z.date().optional() }).default({}))
    .query(async ({ ctx, input }) => {
      const to = input.to ?? new Date();
      const from = input.from ?? new Date(to.getTime() - 30 * 86_400_000);
      const rows = await portfolio.snapshotHistory(ctx.db, ctx.user.id, { from, to });
      return rows.map((row) => ({
        time: row.takenAt,
        totalValue: usd(row.totalValue),
        holdings: row.holdings,
      }));
    }),

  /** Takes a snapshot now, so the history has a point for this moment. */
  snapshot: protectedProcedure.mutation(async ({ ctx }) => {
    const row = await portfolio.takeSnapshot(ctx.db, ctx.user.id, ctx.exchange.markets());
    return { time: row?.takenAt ?? new Date(), totalValue: usd(row?.totalValue ?? 0n) };
  }),
});
