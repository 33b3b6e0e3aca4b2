import { useState } from "react";
import { useRevalidator } from "react-router";
import { readCallErrors } from "~/components/account/mutation-errors";
import { SectionCard } from "~/components/account/section-card";
import { AdminPager } from "~/components/admin/admin-pager";
import { WithdrawalReviewRow } from "~/components/admin/withdrawal-review-row";
import { FormAlert } from "~/components/form-alert";
import { requireAdmin } from "~/lib/account-access.server";
import { useTRPCClient } from "~/trpc/react";
import type { Route } from "./+types/admin.withdrawals";

export const meta: Route.MetaFunction = () => [{ title: "Withdrawals · Admin · CryptoTrade" }];

const PAGE_SIZE = 20;

export async function loader({ context, request }: Route.LoaderArgs) {
  await requireAdmin(context, request);
  const cursor = new URL(request.url).searchParams.get("cursor") ?? undefined;
  const [queue, me] = await Promise.all([
    context.trpc.admin.pendingWithdrawals({ cursor, limit: PAGE_SIZE }),
    context.trpc.auth.me(),
  ]);
  return { ...queue, adminId: String(me.user.id) };
}

/** What an approval did: sent the withdrawal, or recorded one of the approvals it needs. */
function describeApproval(
  id: string,
  approved: { status: string; approvals: number; approvalsNeeded: number },
) {
  if (approved.status === "completed") return `Withdrawal #${id} approved and sent.`;
  return `Your approval of withdrawal #${id} is recorded (${approved.approvals} of ${approved.approvalsNeeded}); another admin must approve it too.`;
}

/** The review queue, oldest first: approve or reject each withdrawal. */
export default function AdminWithdrawals({ loaderData }: Route.ComponentProps) {
  const client = useTRPCClient();
  const revalidator = useRevalidator();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function review(id: string, approve: boolean, reason?: string) {
    setBusy(id);
    setError(null);
    try {
      if (approve) {
        const approved = await client.admin.approveWithdrawal.mutate({ transactionId: id });
        setDone(describeApproval(id, approved));
      } else {
        await client.admin.rejectWithdrawal.mutate({ transactionId: id, reason });
        setDone(`Withdrawal #${id} rejected; funds returned.`);
      }
      await revalidator.revalidate();
    } catch (failure) {
      setError(readCallErrors(failure).form ?? "The review failed");
    } finally {
      setBusy(null);
    }
  }

  return (
    <SectionCard
      id="withdrawals"
      title="Pending withdrawals"
      description="Oldest first. A withdrawal is sent once enough admins other than its owner approve (two for large amounts); rejecting returns amount and fee."
    >
      <FormAlert message={error} />
      <p role="status" className="text-sm text-buy">
        {done}
      </p>
      {loaderData.items.length === 0 ? (
        <p className="text-sm text-muted">No withdrawals are waiting for review.</p>
      ) : (
        <ul className="divide-y divide-border" aria-label="Withdrawals waiting for review">
          {loaderData.items.map((withdrawal) => (
            <WithdrawalReviewRow
              key={withdrawal.id}
              withdrawal={withdrawal}
              own={withdrawal.userId === loaderData.adminId}
              busy={busy !== null}
              review={(approve, reason) => review(withdrawal.id, approve, reason)}
            />
          ))}
        </ul>
      )}
      <AdminPager
        nextCursor={loaderData.nextCursor}
        nextLabel="Next page"
        label="Withdrawal pages"
      />
    </SectionCard>
  );
}
