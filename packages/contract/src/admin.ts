import { z } from "zod";
import { AssetSymbol, DecimalString, Id, IdempotencyKey } from "./inputs";

/** `admin.createMarket`: the market's filters as decimal strings, its band and fees in bps. */
export const CreateMarketInput = z.strictObject({
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

/** `admin.creditDeposit`: a deposit confirmed outside the exchange. */
export const CreditDepositInput = z.strictObject({
  userId: Id,
  asset: AssetSymbol,
  amount: DecimalString,
  note: z.string().max(200).optional(),
  idempotencyKey: IdempotencyKey.optional(),
});

/** `admin.setRole`. */
export const SetRoleInput = z.strictObject({ userId: Id, role: z.enum(["user", "admin"]) });

/** `admin.approveWithdrawal` and `admin.rejectWithdrawal`. */
export const ReviewWithdrawalInput = z.strictObject({
  transactionId: Id,
  reason: z.string().max(200).optional(),
});
