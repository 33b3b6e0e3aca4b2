import { useTranslation } from "react-i18next";
import { Form } from "react-router";
import { SectionCard } from "~/components/account/section-card";
import { AdminPager } from "~/components/admin/admin-pager";
import { AuditTable } from "~/components/admin/audit-table";
import { Button } from "~/components/ui/button";
import { requireAdmin } from "~/lib/account-access.server";
import { pageTitle } from "~/lib/i18n/meta";
import type { Route } from "./+types/admin.audit";

export const meta: Route.MetaFunction = ({ matches }) => [
  {
    title: pageTitle(matches, (t) =>
      t("pageTitle", { ns: "admin", section: t("nav.audit", { ns: "admin" }) }),
    ),
  },
];

const PAGE_SIZE = 50;

/** Common actions to pick from; any prefix of an action works too (`admin.`, `login.`). */
const KNOWN_ACTIONS = [
  "admin.",
  "admin.market.",
  "admin.withdrawal.",
  "admin.deposit.credited",
  "login.",
  "logout",
  "session.revoked",
  "totp.",
  "api_key.",
  "password.changed",
  "withdrawal.",
  "withdrawals.held",
  "user.registered",
  "user.role_changed",
];

export async function loader({ context, request }: Route.LoaderArgs) {
  await requireAdmin(context, request);
  const params = new URL(request.url).searchParams;
  const actor = params.get("actor")?.trim() || undefined;
  const action = params.get("action")?.trim() || undefined;
  const page = await context.trpc.admin.auditLog({
    actor,
    action,
    cursor: params.get("cursor") ?? undefined,
    limit: PAGE_SIZE,
  });
  return { ...page, actor: actor ?? "", action: action ?? "" };
}

/** The audit log, newest first, filtered by who acted and by action. */
export default function AdminAudit({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("admin");
  const inputClass = "rounded-md border border-border bg-surface px-3 py-2 text-text";
  return (
    <SectionCard id="audit" title={t("audit.title")}>
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-actor" className="text-sm font-medium">
            {t("audit.actor")}
          </label>
          <input
            id="audit-actor"
            name="actor"
            defaultValue={loaderData.actor}
            placeholder={t("emailOrUsername")}
            className={inputClass}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-action" className="text-sm font-medium">
            {t("action")}
          </label>
          <input
            id="audit-action"
            name="action"
            list="audit-actions"
            defaultValue={loaderData.action}
            placeholder={t("audit.actionPlaceholder")}
            className={inputClass}
          />
          <datalist id="audit-actions">
            {KNOWN_ACTIONS.map((action) => (
              <option key={action} value={action} />
            ))}
          </datalist>
        </div>
        <Button type="submit">{t("audit.filter")}</Button>
      </Form>
      <AuditTable entries={loaderData.items} />
      <AdminPager
        nextCursor={loaderData.nextCursor}
        nextLabel={t("audit.older")}
        label={t("audit.pages")}
      />
    </SectionCard>
  );
}
