import { TotpCode } from "@cryptotrade/contract/inputs";
import { z } from "zod";

// Amounts, assets and addresses are checked by the exchange per asset (minimum, decimals,
// balance), which answers with a reason and the field; the browser checks only that each is there.
const Required = z.string().trim().min(1, { error: "is required" });
const IdempotencyKey = z.string().optional();
/** The decimal mark the person's locale types ("," in German): the amount is read with it. */
const DecimalSeparator = z.enum([".", ","]).optional();
/** Left empty, the code is not sent: the server then says whether one is needed. */
const OptionalTotpCode = z.preprocess(
  (code) => (code === "" ? undefined : code),
  TotpCode.optional(),
);

/** The wallet page's forms, each read by this schema in the browser and in the action. */
export const DepositInput = z.object({
  intent: z.literal("deposit"),
  asset: Required,
  amount: Required,
  decimalSeparator: DecimalSeparator,
  idempotencyKey: IdempotencyKey,
});

export const WithdrawInput = z.object({
  intent: z.literal("withdraw"),
  asset: Required,
  amount: Required,
  address: Required,
  totpCode: OptionalTotpCode,
  decimalSeparator: DecimalSeparator,
  idempotencyKey: IdempotencyKey,
});
