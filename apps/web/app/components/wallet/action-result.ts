import type { FormErrors } from "~/lib/form-errors";

/** What the wallet page's action answers for each of its forms. */
export type WalletActionResult =
  | { intent: "deposit" | "withdraw"; ok: true; message: string }
  | {
      intent: "deposit" | "withdraw";
      ok: false;
      errors: FormErrors;
      retryAfterSeconds: number | null;
    };
