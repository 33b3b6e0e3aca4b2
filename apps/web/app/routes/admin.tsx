import { useTranslation } from "react-i18next";
import { Outlet } from "react-router";
import { AdminNav } from "~/components/admin/admin-nav";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireAdmin } from "~/lib/account-access.server";
import { pageTitle } from "~/lib/i18n/meta";
import type { Route } from "./+types/admin";

export const meta: Route.MetaFunction = ({ matches }) => [
  { title: pageTitle(matches, (t) => t("title", { ns: "admin" })) },
];

/** Admins only: anyone else gets a 404 from the server, whatever the menu shows. */
export async function loader({ context, request }: Route.LoaderArgs) {
  await requireAdmin(context, request);
  return null;
}

export default function Admin() {
  const { t } = useTranslation("admin");
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <AdminNav />
      <Outlet />
    </div>
  );
}

/** A refused or failed admin page keeps the site's chrome and says what happened. */
export function ErrorBoundary() {
  const { t } = useTranslation();
  return (
    <GeneralErrorBoundary
      unexpected={() => ({
        title: t("error.title"),
        detail: t("failedDetail", { ns: "admin" }),
      })}
    />
  );
}
