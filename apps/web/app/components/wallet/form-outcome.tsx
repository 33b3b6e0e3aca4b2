import { useTranslation } from "react-i18next";
import { FormAlert } from "~/components/form-alert";
import { RequestErrorNotice } from "~/components/status/request-error-notice";
import { useNumbers } from "~/lib/use-viewer";
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
  const { t } = useTranslation("wallet");
  const { n } = useNumbers();
  return (
    <div aria-live="polite">
      {!answer ? null : answer.completed ? (
        <p role="status" className="rounded-md border border-buy px-3 py-2 text-sm">
          <span aria-hidden="true">✓ </span>
          {answer.completed.kind === "deposited"
            ? t("deposit.done", {
                amount: n(answer.completed.amount),
                asset: answer.completed.asset,
              })
            : t("withdraw.done", {
                amount: n(answer.completed.amount),
                asset: answer.completed.asset,
                fee: n(answer.completed.fee),
              })}
        </p>
      ) : answer.retryAfterSeconds !== undefined ? (
        <RequestErrorNotice
          error={{
            data: { code: "TOO_MANY_REQUESTS", retryAfterSeconds: answer.retryAfterSeconds },
          }}
          what={t("notSent")}
        />
      ) : (
        <FormAlert message={formError} />
      )}
    </div>
  );
}
