import type { Submission } from "@conform-to/react";
import type { AppLoadContext } from "react-router";
import { readActionRefusal } from "~/lib/form-errors.server";
import { toFormRefusal } from "~/lib/refusal";
import type { WalletActionResult } from "./action-result";

/**
 * A wallet procedure's refusal at the field it is about: the exchange names the field of an
 * amount or asset it refuses (`data.field`); a missing or wrong code is the code's; holds,
 * caps and the rest are the whole form's. A rate limit keeps its wait.
 */
export function toWalletErrors(
  context: AppLoadContext,
  error: unknown,
  intent: "deposit" | "withdraw",
  submission: Submission<unknown, string[], unknown>,
): WalletActionResult {
  const refusal = readActionRefusal(context, error);
  const placed = toFormRefusal(refusal, {
    INSUFFICIENT_BALANCE: "amount",
    BELOW_MIN_WITHDRAWAL: "amount",
    TOTP_REQUIRED: "totpCode",
    INVALID_CODE: "totpCode",
  });
  return {
    intent,
    result: submission.reply(placed),
    ...(refusal.code === "TOO_MANY_REQUESTS"
      ? { retryAfterSeconds: refusal.retryAfterSeconds ?? 1 }
      : {}),
  };
}
