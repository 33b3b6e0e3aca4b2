import { type FormEvent, useId, useState } from "react";
import { formatTime } from "~/components/account/format-time";

/** A pending withdrawal as `admin.pendingWithdrawals` lists it. */
export interface PendingWithdrawal {
  id: string;
  userId: string;
  asset: string;
  amount: string;
  fee: string;
  address: string | null;
  createdAt: Date;
  /** Distinct admins who approved it so far, and how many it needs before it is sent. */
  approvals: number;
  approvalsNeeded: number;
  /** Ids of the admins who approved it. */
  approvedBy: string[];
}

/**
 * One withdrawal waiting for review: its approvals so far and needed; approve it (never one's
 * own, nor twice), or reject it with a reason (the user sees the reason and gets amount and fee
 * back).
 */
export function WithdrawalReviewRow({
  withdrawal,
  own,
  busy,
  review,
}: {
  withdrawal: PendingWithdrawal;
  /** The signed-in admin requested it: another admin must approve it. */
  own: boolean;
  busy: boolean;
  review: (approve: boolean, reason?: string) => Promise<void>;
}) {
  const [rejecting, setRejecting] = useState(false);
  const reasonId = useId();
  const what = `withdrawal ${withdrawal.id} of ${withdrawal.amount} ${withdrawal.asset}`;

  async function reject(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const reason = String(new FormData(event.currentTarget).get("reason") ?? "").trim();
    await review(false, reason || undefined);
  }

  return (
    <li className="flex flex-col gap-2 py-3">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <span className="font-medium">#{withdrawal.id}</span>
        <span className="tabular">
          {withdrawal.amount} {withdrawal.asset}
        </span>
        <span className="text-sm text-muted tabular">
          fee {withdrawal.fee} {withdrawal.asset}
        </span>
        <span className="text-sm text-muted">user {withdrawal.userId}</span>
        <span className="text-sm text-muted">{formatTime(withdrawal.createdAt)}</span>
        <span className="text-sm" data-testid="withdrawal-approvals">
          Approvals: {withdrawal.approvals} of {withdrawal.approvalsNeeded}
        </span>
      </div>
      <p className="break-all font-mono text-sm">to {withdrawal.address ?? "—"}</p>
      <div className="flex flex-wrap items-end gap-2">
        {own ? (
          <p className="text-sm text-muted">Your own withdrawal: another admin must approve it.</p>
        ) : (
          <button
            type="button"
            disabled={busy}
            onClick={() => review(true)}
            aria-label={`Approve ${what}`}
            className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-on-accent disabled:opacity-70"
          >
            Approve
          </button>
        )}
        {rejecting ? (
          <form onSubmit={reject} className="flex flex-wrap items-end gap-2">
            <div className="flex flex-col gap-1">
              <label htmlFor={reasonId} className="text-sm font-medium">
                Reason for rejecting #{withdrawal.id}
              </label>
              <input
                id={reasonId}
                name="reason"
                maxLength={200}
                className="rounded-md border border-border bg-surface px-3 py-1.5 text-text"
              />
            </div>
            <button
              type="submit"
              disabled={busy}
              aria-label={`Confirm rejecting ${what}`}
              className="rounded-md border border-sell px-3 py-1.5 text-sm text-sell disabled:opacity-70"
            >
              Reject
            </button>
            <button
              type="button"
              onClick={() => setRejecting(false)}
              className="px-2 py-1.5 text-sm text-muted underline"
            >
              Cancel
            </button>
          </form>
        ) : (
          <button
            type="button"
            disabled={busy}
            onClick={() => setRejecting(true)}
            aria-label={`Reject ${what}…`}
            className="rounded-md border border-sell px-3 py-1.5 text-sm text-sell disabled:opacity-70"
          >
            Reject…
          </button>
        )}
      </div>
    </li>
  );
}
