import { parseDecimal } from "@cryptotrade/contract/money";
import {
  DepositInput,
  ExportTransactionsInput,
  ListTransactionsInput,
  WithdrawInput,
} from "@cryptotrade/contract/wallet";
import { invalidInput, queries, views } from "@cryptotrade/exchange";
import type { Context } from "../context";
import { getRequestMeta } from "../session-cookie";
import {
  protectedProcedure,
  publicProcedure,
  router,
  TRPCError,
  tradeProcedure,
  withdrawProcedure,
} from "../trpc";
import { readAllPages, toCsvFile } from "./csv-export";

/** The most the demo faucet hands out per call, in whole units. */
const FAUCET_LIMITS: Record<string, bigint> = {
  BTC: 10n,
  ETH: 100n,
  SOL: 1_000n,
  USDT: 1_000_000n,
};
const DEFAULT_FAUCET_LIMIT = 1_000n;
/** How many calls' worth the faucet grants one user of one asset per UTC day. */
const FAUCET_CALLS_PER_DAY = 2n;

/** Reads an amount of an asset, naming the field in every complaint. */
export async function readAssetAmount(ctx: Context, asset: string, text: string) {
  const decimals = (await queries.assetDecimals(ctx.db)).get(asset);
  if (decimals === undefined) {
    throw invalidInput("UNKNOWN_ASSET", "asset", `There is no asset ${asset}`);
  }
  const parsed = parseDecimal(text, decimals);
  if (!parsed.ok) {
    throw parsed.reason === "precision"
      ? invalidInput("TOO_MANY_DECIMALS", "amount", `The amount has more than ${decimals} decimals`)
      : invalidInput("NOT_A_DECIMAL", "amount", "The amount must be a plain decimal such as 1.25");
  }
  if (parsed.value <= 0n) {
    throw invalidInput("NOT_POSITIVE", "amount", "The amount must be greater than zero");
  }
  return { amount: parsed.value, decimals };
}

export const walletRouter = router({
  /** Whether the demo faucet (`deposit`) is open, and the most it grants per call, per asset. */
  faucet: publicProcedure.query(({ ctx }) => ({
    open: ctx.config.demo,
    limits: Object.fromEntries(
      Object.entries(FAUCET_LIMITS).map(([asset, limit]) => [asset, String(limit)]),
    ),
  })),

  /**
   * The demo faucet: free test funds, only when the exchange runs in demo mode; at most one
   * call's limit per call and two calls' worth per user, asset and UTC day.
   */
  deposit: tradeProcedure.input(DepositInput).mutation(async ({ ctx, input }) => {
    if (!ctx.config.demo) {
      throw new TRPCError({ code: "FORBIDDEN", message: "The faucet is only open in demo mode" });
    }
    const { amount, decimals } = await readAssetAmount(ctx, input.asset, input.amount);
    const limit = (FAUCET_LIMITS[input.asset] ?? DEFAULT_FAUCET_LIMIT) * 10n ** BigInt(decimals);
    if (amount > limit) {
      throw invalidInput(
        "INVALID_INPUT",
        "amount",
        "The amount is above the faucet's limit per request",
      );
    }
    // The daily cap is enforced by the sequencer, so parallel calls cannot all pass it.
    const transaction = await ctx.exchange.deposit({
      userId: ctx.user.id,
      asset: input.asset,
      amount,
      faucetDailyLimit: limit * FAUCET_CALLS_PER_DAY,
      idempotencyKey: input.idempotencyKey,
    });
    return views.toTransactionView(transaction, decimals);
  }),

  /**
   * Holds amount + the asset's fee until an admin approves or rejects; needs 2FA on
   * (FORBIDDEN, reason TWO_FACTOR_REQUIRED, nothing held) and a fresh TOTP code. Refused below the asset's minimum (BAD_REQUEST), with 10 withdrawals already
   * waiting (PRECONDITION_FAILED), and for 24 hours after a password change or 2FA disable
   * (FORBIDDEN).
   */
  withdraw: withdrawProcedure.input(WithdrawInput).mutation(async ({ ctx, input }) => {
    const { amount, decimals } = await readAssetAmount(ctx, input.asset, input.amount);
    await ctx.auth.requireWithdrawalsAllowed(ctx.user.id);
    await ctx.auth.requireSecondFactorForWithdrawal(
      ctx.user.id,
      input.totpCode,
      getRequestMeta(ctx),
      ctx.credential,
    );
    const transaction = await ctx.exchange.requestWithdrawal({
      userId: ctx.user.id,
      asset: input.asset,
      amount,
      address: input.address,
      idempotencyKey: input.idempotencyKey,
    });
    await ctx.auth.recordAudit({
      userId: ctx.user.id,
      action: "withdrawal.requested",
      ip: ctx.request.ip,
      details: { transactionId: transaction.id, asset: input.asset, amount: input.amount },
    });
    return views.toTransactionView(transaction, decimals);
  }),

  /** The user's deposits and withdrawals, newest first, narrowed by type, asset, status and time. */
  transactions: protectedProcedure.input(ListTransactionsInput).query(async ({ ctx, input }) => {
    const [page, decimals] = await Promise.all([
      queries.listTransactions(ctx.db, ctx.user.id, input),
      queries.assetDecimals(ctx.db),
    ]);
    return {
      items: page.items.map((t) => views.toTransactionView(t, decimals.get(t.asset) ?? 0)),
      nextCursor: page.nextCursor,
    };
  }),

  /**
   * The deposits and withdrawals that match the same filters as `transactions` (all of them
   * without any), as CSV, for the user's records and taxes.
   */
  exportCsv: protectedProcedure.input(ExportTransactionsInput).query(async ({ ctx, input }) => {
    const decimals = await queries.assetDecimals(ctx.db);
    const rows = await readAllPages((page) =>
      queries.listTransactions(ctx.db, ctx.user.id, { ...input, ...page }),
    );
    return toCsvFile(
      "transactions.csv",
      ["id", "time", "type", "asset", "amount", "status", "address"],
      rows
        .map((t) => views.toTransactionView(t, decimals.get(t.asset) ?? 0))
        .map((t) => [
          t.id,
          t.createdAt.toISOString(),
          t.type,
          t.asset,
          t.amount,
          t.status,
          t.address ?? "",
        ]),
    );
  }),
});
