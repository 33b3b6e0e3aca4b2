import type { AppLoadContext } from "react-router";
import { toFormErrors } from "~/lib/form-errors.server";
import type { WalletActionResult } from "./action-result";

const FIELDS = ["asset", "amount", "address", "totpCode"] as const;

/**
 * A wallet procedure's refusal at the field it is about: messages that start with a field
 * name ("amount: below the minimum…"), funds at the amount, a missing or wrong code at the
 * code; holds, caps and the rest for the whole form. A rate limit keeps its wait.
 */
export function toWalletErrors(
  context: AppLoadContext,
  error: unknown,
  intent: "deposit" | "withdraw",
): WalletActionResult {
  const shape = context.formatError(error);
  const data: { retryAfterSeconds?: unknown } = shape.data;
  const retryAfterSeconds =
    shape.data.code === "TOO_MANY_REQUESTS" ? Number(data.retryAfterSeconds ?? 1) || 1 : null;
  const errors = toFormErrors(context, error, (refusal) => {
    const named = FIELDS.find((field) => refusal.message.startsWith(`${field}:`));
    if (named) return named;
    if (/insufficient/i.test(refusal.message)) return "amount";
    if (/two-factor code|authentication code|\bcode\b/i.test(refusal.message)) return "totpCode";
    return undefined;
  });
  return { intent, ok: false, errors, retryAfterSeconds };
}
