import { useTranslation } from "react-i18next";
import { data, Form } from "react-router";
import { SectionCard } from "~/components/account/section-card";
import { RoleInput } from "~/components/admin/admin-forms";
import { AdminPager } from "~/components/admin/admin-pager";
import { UsersTable } from "~/components/admin/users-table";
import { Button } from "~/components/ui/button";
import { CONTROL_CLASS } from "~/components/ui/field-frame";
import { requireAdmin } from "~/lib/account-access.server";
import { answerForm, respond } from "~/lib/form-answer.server";
import { parseForm } from "~/lib/forms";
import { requestWords } from "~/lib/i18n/language.server";
import { pageTitle } from "~/lib/i18n/meta";
import type { Route } from "./+types/admin.users";

export const meta: Route.MetaFunction = ({ matches }) => [
  {
    title: pageTitle(matches, (t) =>
      t("pageTitle", { ns: "admin", section: t("nav.users", { ns: "admin" }) }),
    ),
  },
];

const PAGE_SIZE = 25;

export async function loader({ context, request }: Route.LoaderArgs) {
  const admin = await requireAdmin(context, request);
  const params = new URL(request.url).searchParams;
  const query = params.get("q")?.trim() || undefined;
  const page = await context.trpc.admin.users({
    query,
    cursor: params.get("cursor") ?? undefined,
    limit: PAGE_SIZE,
  });
  return { ...page, query: query ?? "", selfId: String(admin.id) };
}

/** Makes a user an admin or an admin a user (`set-role`). */
export async function action({ context, request }: Route.ActionArgs) {
  await requireAdmin(context, request);
  const formData = await request.formData();
  if (formData.get("intent") !== "set-role") throw data("Unknown form", { status: 400 });
  const { t } = await requestWords(request, context);
  return respond(
    await answerForm(context, "set-role", parseForm(formData, RoleInput), async (change) => {
      const { userId, role, username } = change;
      await context.trpc.admin.setRole({ userId, role });
      return {
        done: t(role === "admin" ? "users.nowAdmin" : "users.nowUser", { ns: "admin", username }),
      };
    }),
  );
}

/** Accounts newest first, searchable by email or username, with their role. */
export default function AdminUsers({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("admin");
  return (
    <SectionCard id="users" title={t("users.title")}>
      <Form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="user-search" className="text-sm font-medium">
            {t("users.search")}
          </label>
          <input
            id="user-search"
            name="q"
            type="search"
            defaultValue={loaderData.query}
            placeholder={t("emailOrUsername")}
            className={CONTROL_CLASS}
          />
        </div>
        <Button type="submit">{t("users.searchButton")}</Button>
      </Form>
      <UsersTable users={loaderData.items} selfId={loaderData.selfId} />
      <AdminPager
        nextCursor={loaderData.nextCursor}
        nextLabel={t("users.older")}
        label={t("users.pages")}
      />
    </SectionCard>
  );
}
