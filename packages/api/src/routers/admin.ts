import {
  AssetSymbol,
  DecimalString,
  Id,
  IdempotencyKey,
  MarketSymbol,
} from "@cryptotrade/contract/inputs";
import { parseDecimal } from "@cryptotrade/contract/money";
import { users } from "@cryptotrade/db/schema";
import { invalidInput, queries, views } from "@cryptotrade/exchange";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import type { Context } from "../context";
import { adminProcedure, router } from "../trpc";
import { adminUsersProcedures, noSuchUser } from "./admin-users";
import { adminWithdrawalProcedures } from "./admin-withdrawals";
import { readAssetAmount } from "./wallet";

async function audit(
  ctx: Context & { user: { id: number } },
  action: string,
  details: Record<string, unknown>,
) {
  await ctx.auth.recordAudit({ actorId: ctx.user.id, action, ip: ctx.request.ip, details });
}

/**
 * Refuses a credit to an unknown user (or the fee account) before it reaches the sequencer,
 * where the database's refusal would fail every command batched with it.
 */
async function requireCustomer(ctx: Context, userId: number) {
  const [user] = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), inArray(users.role, ["user", "admin"])));
  if (!user) throw noSuchUser();
}

const NewMarket = z.strictObject({
  baseAsset: AssetSymbol,
  quoteAsset: AssetSymbol,
  tickSize: DecimalString,
  lotSize: DecimalString,
  minQuantity: DecimalString,
  maxQuantity: DecimalString,
  minNotional: DecimalString,
  maxPrice: DecimalString,
  priceBandBps: z.number().int().min(1).max(10_000).default(2_000),
  makerFeeBps: z.number().int().min(0).max(1_000).default(10),
  takerFeeBps: z.number().int().min(0).max(1_000).default(20),
});

/** Halts (only cancels accepted) or resumes a market, and records who did it. */
function setMarketStatus(status: "halted" | "trading", action: string) {
  return adminProcedure
    .input(z.strictObject({ symbol: MarketSymbol }))
    .mutation(async ({ ctx, input }) => {
      const market = await ctx.exchange.setMarketStatus(input.symbol, status);
      await audit(ctx, action, { symbol: input.symbol });
      return { symbol: market.symbol, status: market.status };
    });
}

export const adminRouter = router({
  createMarket: adminProcedure.input(NewMarket).mutation(async ({ ctx, input }) => {
    const decimals = await queries.assetDecimals(ctx.db);
    const baseDecimals = decimals.get(input.baseAsset);
    const quoteDecimals = decimals.get(input.quoteAsset);
    if (
      baseDecimals === undefined ||
      quoteDecimals === undefined ||
      input.baseAsset === input.quoteAsset
    ) {
      const message = "The base and quote assets must be two different known assets";
      throw invalidInput("UNKNOWN_ASSET", "baseAsset", message);
    }
    const read = (field: keyof typeof input, d: number) => {
      const parsed = parseDecimal(String(input[field]), d);
      if (!parsed.ok || parsed.value <= 0n) {
        const message = `The ${field} must be a positive decimal with at most ${d} decimals`;
        throw invalidInput(parsed.ok ? "NOT_POSITIVE" : "NOT_A_DECIMAL", field, message);
      }
      return parsed.value;
    };
    // Checked here, not by the database: a refused row would fail the sequencer's whole batch.
    const minQuantity = read("minQuantity", baseDecimals);
    const maxQuantity = read("maxQuantity", baseDecimals);
    if (minQuantity > maxQuantity) {
      const message = "The minimum quantity must not be above the maximum quantity";
      throw invalidInput("INVALID_INPUT", "minQuantity", message);
    }
    const market = await ctx.exchange.createMarket({
      symbol: `${input.baseAsset}-${input.quoteAsset}`,
      baseAsset: input.baseAsset,
      quoteAsset: input.quoteAsset,
      baseDecimals,
      quoteDecimals,
      tickSize: read("tickSize", quoteDecimals),
      lotSize: read("lotSize", baseDecimals),
      minQuantity,
      maxQuantity,
      minNotional: read("minNotional", quoteDecimals),
      maxPrice: read("maxPrice", quoteDecimals),
      priceBandBps: input.priceBandBps,
      makerFeeBps: input.makerFeeBps,
      takerFeeBps: input.takerFeeBps,
      status: "trading",
    });
    await audit(ctx, "admin.market.created", { symbol: market.symbol });
    return { symbol: market.symbol, status: market.status };
  }),

  haltMarket: setMarketStatus("halted", "admin.market.halted"),
  resumeMarket: setMarketStatus("trading", "admin.market.resumed"),

  /** Credits a deposit confirmed outside the exchange (on chain, by bank). */
  creditDeposit: adminProcedure
    .input(
      z.strictObject({
        userId: Id,
        asset: AssetSymbol,
        amount: DecimalString,
        note: z.string().max(200).optional(),
        idempotencyKey: IdempotencyKey.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { amount, decimals } = await readAssetAmount(ctx, input.asset, input.amount);
      await requireCustomer(ctx, input.userId);
      const transaction = await ctx.exchange.deposit({
        userId: input.userId,
        asset: input.asset,
        amount,
        note: input.note,
        // The admin's own key: it never collides with the customer's keys.
        idempotencyKey: input.idempotencyKey,
        requestedBy: ctx.user.id,
      });
      await audit(ctx, "admin.deposit.credited", {
        userId: input.userId,
        transactionId: transaction.id,
        asset: input.asset,
        amount: input.amount,
      });
      return views.toTransactionView(transaction, decimals);
    }),

  ...adminWithdrawalProcedures,
  ...adminUsersProcedures,
});
