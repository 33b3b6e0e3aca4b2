import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { FetcherWithComponents } from "react-router";
import { Button } from "~/components/ui/button";
import { CONTROL_CLASS } from "~/components/ui/field-frame";
import { useTimeFormat } from "~/lib/use-viewer";

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
  Form,
}: {
  withdrawal: PendingWithdrawal;
  /** The signed-in admin requested it: another admin must approve it. */
  own: boolean;
  busy: boolean;
  /** The page's review fetcher's form: one answer for the page, whichever row sent it. */
  Form: FetcherWithComponents<unknown>["Form"];
}) {
  const [rejecting, setRejecting] = useState(false);
  const reasonId = useId();
  const { t } = useTranslation("admin");
  const what = t("withdrawals.what", {
    id: withdrawal.id,
    amount: withdrawal.amount,
    asset: withdrawal.asset,
  });

  const time = useTimeFormat();
  return (
    <li className="flex flex-col gap-2 py-3">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <span className="font-medium">#{withdrawal.id}</span>
        <span className="tabular">
          {withdrawal.amount} {withdrawal.asset}
        </span>
        <span className="text-sm text-muted tabular">
          {t("withdrawals.fee", { fee: withdrawal.fee, asset: withdrawal.asset })}
        </span>
        <span className="text-sm text-muted">
          {t("withdrawals.user", { id: withdrawal.userId })}
        </span>
        <span className="text-sm text-muted">{time.moment(withdrawal.createdAt)}</span>
        <span className="text-sm" data-testid="withdrawal-approvals">
          {t("withdrawals.approvals", {
            approvals: withdrawal.approvals,
            needed: withdrawal.approvalsNeeded,
          })}
        </span>
      </div>
      <p className="break-all font-mono text-sm">
        {t("withdrawals.to", { address: withdrawal.address ?? "—" })}
      </p>
      <div className="flex flex-wrap items-end gap-2">
        {own ? (
          <p className="text-sm text-muted">{t("withdrawals.own")}</p>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="approve-withdrawal" />
            <input type="hidden" name="transactionId" value={withdrawal.id} />
            <Button
              type="submit"
              size="sm"
              disabled={busy}
              aria-label={t("withdrawals.approveLabel", { what })}
            >
              {t("withdrawals.approve")}
            </Button>
          </Form>
        )}
        {rejecting ? (
          <Form method="post" className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="intent" value="reject-withdrawal" />
            <input type="hidden" name="transactionId" value={withdrawal.id} />
            <div className="flex flex-col gap-1">
              <label htmlFor={reasonId} className="text-sm font-medium">
                {t("withdrawals.reason", { id: withdrawal.id })}
              </label>
              <input id={reasonId} name="reason" maxLength={200} className={CONTROL_CLASS} />
            </div>
            <Button
              type="submit"
              variant="danger"
              size="sm"
              disabled={busy}
              aria-label={t("withdrawals.confirmRejectLabel", { what })}
            >
              {t("withdrawals.reject")}
            </Button>
            <Button variant="link" className="px-2 py-1.5" onClick={() => setRejecting(false)}>
              {t("withdrawals.cancel")}
            </Button>
          </Form>
        ) : (
          <Button
            variant="danger"
            size="sm"
            disabled={busy}
            onClick={() => setRejecting(true)}
            aria-label={t("withdrawals.rejectLabel", { what })}
          >
            {t("withdrawals.rejectOpen")}
          </Button>
        )}
      </div>
    </li>
  );
}
