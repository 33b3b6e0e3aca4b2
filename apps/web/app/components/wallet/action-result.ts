import type { FormAnswer } from "~/lib/form-answer";

/** What the wallet page's action answers each of its forms with. */
export interface WalletActionResult extends FormAnswer<"deposit" | "withdraw"> {
  /** What was done, after a success. */
  message?: string;
  /** A rate limit: when to try again. */
  retryAfterSeconds?: number;
}
