import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { data } from "react-router";
import { SectionCard } from "~/components/account/section-card";
import { ActionOutcome } from "~/components/action-outcome";
import { ReviewInput } from "~/components/admin/admin-forms";
import { AdminPager } from "~/components/admin/admin-pager";
import { WithdrawalReviewRow } from "~/components/admin/withdrawal-review-row";
import { requireAdmin } from "~/lib/account-access.server";
import { formErrorOf } from "~/lib/form-answer";
import { answerForm, respond } from "~/lib/form-answer.server";
import { parseForm } from "~/lib/forms";
import { requestWords } from "~/lib/i18n/language.server";
import { pageTitle } from "~/lib/i18n/meta";
import { useFormFetcher } from "~/lib/use-form-fetcher";
import type { Route } from "./+types/admin.withdrawals";

export const meta: Route.MetaFunction = ({ matches }) => [
  {
    title: pageTitle(matches, (t) =>
      t("pageTitle", { ns: "admin", section: t("nav.withdrawals", { ns: "admin" }) }),
    ),
  },
];

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
  t: TFunction,
  id: string,
  approved: { status: string; approvals: number; approvalsNeeded: number },
) {
  if (approved.status === "completed") return t("withdrawals.sent", { ns: "admin", id });
  return t("withdrawals.recorded", {
    ns: "admin",
    id,
    approvals: approved.approvals,
    needed: approved.approvalsNeeded,
  });
}

/** Approves or rejects one withdrawal; each form posts its `intent`. */
export async function action({ context, request }: Route.ActionArgs) {
  await requireAdmin(context, request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent !== "approve-withdrawal" && intent !== "reject-withdrawal") {
    throw data("Unknown form", { status: 400 });
  }
  const { t } = await requestWords(request, context);
  return respond(
    await answerForm(context, intent, parseForm(formData, ReviewInput), async (review) => {
      const id = review.transactionId;
      if (intent === "approve-withdrawal") {
        const approved = await context.trpc.admin.approveWithdrawal({ transactionId: id });
        return { done: describeApproval(t, id, approved) };
      }
      await context.trpc.admin.rejectWithdrawal(review);
      return { done: t("withdrawals.rejected", { ns: "admin", id }) };
    }),
  );
}

/** The review queue, oldest first: approve or reject each withdrawal. */
export default function AdminWithdrawals({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("admin");
  const { fetcher, answer, pending } = useFormFetcher(["approve-withdrawal", "reject-withdrawal"]);
  return (
    <SectionCard
      id="withdrawals"
      title={t("withdrawals.title")}
      description={t("withdrawals.description")}
    >
      <ActionOutcome error={formErrorOf(answer) ?? null} done={answer?.done ?? null} />
      {loaderData.items.length === 0 ? (
        <p className="text-sm text-muted">{t("withdrawals.none")}</p>
      ) : (
        <ul className="divide-y divide-border" aria-label={t("withdrawals.list")}>
          {loaderData.items.map((withdrawal) => (
            <WithdrawalReviewRow
              key={withdrawal.id}
              withdrawal={withdrawal}
              own={withdrawal.userId === loaderData.adminId}
              busy={pending}
              Form={fetcher.Form}
            />
          ))}
        </ul>
      )}
      <AdminPager
        nextCursor={loaderData.nextCursor}
        nextLabel={t("withdrawals.next")}
        label={t("withdrawals.pages")}
      />
    </SectionCard>
  );
}
