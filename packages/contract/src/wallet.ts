import { z } from "zod";
import { AssetSymbol, DecimalString, IdempotencyKey } from "./inputs";

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
