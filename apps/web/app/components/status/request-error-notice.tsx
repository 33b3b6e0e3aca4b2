import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { readRefusal, secondsToWait } from "~/lib/refusal";
import { useCountdown } from "./use-countdown";

/**
 * A failed request, said plainly where its data would be: on a rate limit (429) how long to
 * wait, counting down, and a Retry button that works once the wait is over.
 *
 * @example
 * if (query.error) return <RequestErrorNotice error={query.error} onRetry={() => query.refetch()} />;
 */
export function RequestErrorNotice({
  error,
  what,
  onRetry,
}: {
  error: unknown;
  /** What could not be loaded or done, e.g. "Your balances could not be loaded". */
  what: string;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  const refusal = readRefusal(error);
  const retryAfter = secondsToWait(refusal);
  const left = useCountdown(retryAfter);
  const limited = retryAfter !== null;
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-3 rounded-md border border-sell px-3 py-2 text-sm"
    >
      <p className="text-text">
        <span className="font-medium">{what}.</span>{" "}
        {limited
          ? left > 0
            ? t("request.waitSeconds", { seconds: left })
            : t("request.tryNow")
          : refusal.message}
      </p>
      {onRetry ? (
        <Button variant="outline" size="sm" onClick={onRetry} disabled={limited && left > 0}>
          {t("request.retry")}
        </Button>
      ) : null}
    </div>
  );
}
