import { z } from "zod";
import { AssetSymbol, DecimalString, IdempotencyKey, Page } from "./inputs";

/** An amount of an asset; its precision is checked against the asset by the server. */
const Transfer = {
  asset: AssetSymbol,
  amount: DecimalString,
  idempotencyKey: IdempotencyKey.optional(),
};

/** `wallet.deposit` (the demo faucet). */
export const DepositInput = z.strictObject(Transfer);

/** `wallet.withdraw`: to an address, with a two-factor code when 2FA is on. */
export const WithdrawInput = z.strictObject({
  ...Transfer,
  // Starting with a letter or digit keeps exported CSV cells from reading as formulas.
  address: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9:._-]{7,127}$/, "must be a plain address"),
  totpCode: z
    .string()
    .regex(/^[0-9]{6}$/)
    .optional(),
});

/**
 * The transfer history's filters, shared by `wallet.transactions` and `wallet.exportCsv` so an
 * export is what was listed.
 */
export const TransactionFilter = {
  type: z.enum(["deposit", "withdrawal"]).optional(),
  asset: AssetSymbol.optional(),
  status: z.enum(["pending", "completed", "rejected"]).optional(),
  /** Created at or after. */
  from: z.date().optional(),
  /** Created before. */
  to: z.date().optional(),
};

/**
 * `wallet.transactions`: one page of deposits and withdrawals, newest first.
 *
 * @example
 * ListTransactionsInput.parse({ type: "withdrawal", status: "pending" });
 */
export const ListTransactionsInput = z.strictObject({ ...TransactionFilter, ...Page }).default({});

/** `wallet.exportCsv`: every transaction `wallet.transactions` lists with the same filter. */
export const ExportTransactionsInput = z.strictObject(TransactionFilter).default({});
