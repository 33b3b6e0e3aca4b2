import { FormAlert } from "~/components/form-alert";
import { RequestErrorNotice } from "~/components/status/request-error-notice";
import type { WalletActionResult } from "./action-result";

/**
 * What happened to a wallet form's last submission: a success note, a rate limit with when to
 * retry, or the server's general message (field messages show at their fields).
 */
export function FormOutcome({ result }: { result: WalletActionResult | undefined }) {
  return (
    <div aria-live="polite">
      {!result ? null : result.ok ? (
        <p role="status" className="rounded-md border border-buy px-3 py-2 text-sm">
          <span aria-hidden="true">✓ </span>
          {result.message}
        </p>
      ) : result.retryAfterSeconds !== null ? (
        <RequestErrorNotice
          error={{
            data: { code: "TOO_MANY_REQUESTS", retryAfterSeconds: result.retryAfterSeconds },
          }}
          what="Not sent"
        />
      ) : (
        <FormAlert message={result.errors.form} />
      )}
    </div>
  );
}
