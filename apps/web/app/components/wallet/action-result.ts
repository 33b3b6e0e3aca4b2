import type { FormAnswer } from "~/lib/form-answer";

/** What the wallet page's action answers each of its forms with. */
export interface WalletActionResult extends FormAnswer<"deposit" | "withdraw"> {
  /** What was done, after a success: the page says it in the reader's language. */
  completed?:
    | { kind: "deposited"; amount: string; asset: string }
    | { kind: "withdrawalRequested"; amount: string; asset: string; fee: string };
  /** A rate limit: when to try again. */
  retryAfterSeconds?: number;
}
