import { FormAlert } from "~/components/form-alert";
import { RequestErrorNotice } from "~/components/status/request-error-notice";
import type { WalletActionResult } from "./action-result";

/**
 * What happened to a wallet form's last submission: a success note, a rate limit with when to
 * retry, or the server's general message (field messages show at their fields).
 */
export function FormOutcome({
  answer,
  formError,
}: {
  answer: WalletActionResult | undefined;
  formError: string | undefined;
}) {
  return (
    <div aria-live="polite">
      {!answer ? null : answer.message ? (
        <p role="status" className="rounded-md border border-buy px-3 py-2 text-sm">
          <span aria-hidden="true">✓ </span>
          {answer.message}
        </p>
      ) : answer.retryAfterSeconds !== undefined ? (
        <RequestErrorNotice
          error={{
            data: { code: "TOO_MANY_REQUESTS", retryAfterSeconds: answer.retryAfterSeconds },
          }}
          what="Not sent"
        />
      ) : (
        <FormAlert message={formError} />
      )}
    </div>
  );
}
