import { Trans, useTranslation } from "react-i18next";
import { useTimeFormat } from "~/lib/use-viewer";

/**
 * Says plainly that withdrawals are paused after a password or 2FA change, and until when;
 * nothing when they are not. The account page and the withdraw form both show it.
 */
export function WithdrawalHoldNotice({ until }: { until: Date | null }) {
  const { t } = useTranslation("wallet");
  const time = useTimeFormat();
  if (!until || until.getTime() <= Date.now()) return null;
  return (
    <div role="status" className="rounded-lg border border-sell bg-surface-raised p-4 text-sm">
      <p className="font-semibold">
        <span aria-hidden="true">⚠ </span>
        <Trans
          t={t}
          i18nKey="hold.title"
          components={{
            time: <time dateTime={until.toISOString()}>{time.moment(until)}</time>,
          }}
        />
      </p>
      <p className="mt-1 text-muted">{t("hold.detail")}</p>
    </div>
  );
}
