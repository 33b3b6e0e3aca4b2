import { useTimeFormat } from "~/lib/use-viewer";

/**
 * Says plainly that withdrawals are paused after a password or 2FA change, and until when;
 * nothing when they are not. The account page and the withdraw form both show it.
 */
export function WithdrawalHoldNotice({ until }: { until: Date | null }) {
  const time = useTimeFormat();
  if (!until || until.getTime() <= Date.now()) return null;
  return (
    <div role="status" className="rounded-lg border border-sell bg-surface-raised p-4 text-sm">
      <p className="font-semibold">
        <span aria-hidden="true">⚠ </span>Withdrawals are paused until{" "}
        <time dateTime={until.toISOString()}>{time.moment(until)}</time>
      </p>
      <p className="mt-1 text-muted">
        Your password or two-factor setting changed in the last 24 hours. To protect your funds if
        someone else made that change, withdrawals wait 24 hours, and API keys that could withdraw
        were revoked. Trading and deposits work as usual.
      </p>
    </div>
  );
}
