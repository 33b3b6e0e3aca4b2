import { Outlet } from "react-router";
import { AdminNav } from "~/components/admin/admin-nav";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireAdmin } from "~/lib/account-access.server";
import type { Route } from "./+types/admin";

export const meta: Route.MetaFunction = () => [{ title: "Admin · CryptoTrade" }];

/** Admins only: anyone else gets a 404 from the server, whatever the menu shows. */
export async function loader({ context, request }: Route.LoaderArgs) {
  await requireAdmin(context, request);
  return null;
}

export default function Admin() {
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-2xl font-semibold">Admin</h1>
      <AdminNav />
      <Outlet />
    </div>
  );
}

/** A refused or failed admin page keeps the site's chrome and says what happened. */
export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      unexpected={() => ({
        title: "Something went wrong",
        detail: "The admin page could not be shown. Try again in a moment.",
      })}
    />
  );
}
