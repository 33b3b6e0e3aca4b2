import { formatUtc } from "./wallet-format";

/** The 24-hour hold after a password change or turning 2FA off, said plainly with its end. */
export function WithdrawalHoldNotice({ until }: { until: Date }) {
  return (
    <div role="status" className="rounded-md border border-sell px-3 py-2 text-sm">
      <p className="font-medium">
        <span aria-hidden="true">⏸ </span>Withdrawals are on hold until{" "}
        <time dateTime={until.toISOString()}>{formatUtc(until)}</time>
      </p>
      <p className="mt-1 text-muted">
        Your password or two-factor settings changed recently. To protect your funds if someone else
        made that change, nothing can be withdrawn for 24 hours. Deposits and trading work as usual.
      </p>
    </div>
  );
}
