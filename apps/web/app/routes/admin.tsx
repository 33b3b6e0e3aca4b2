import { isRouteErrorResponse, Outlet } from "react-router";
import { AdminNav } from "~/components/admin/admin-nav";
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
export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return (
    <div>
      <h1 className="text-2xl font-semibold">
        {status === 404 ? "Page not found" : "Something went wrong"}
      </h1>
      <p className="mt-2 text-muted">
        {status === 404
          ? "There is no page at this address."
          : "The admin page could not be shown. Try again in a moment."}
      </p>
    </div>
  );
}
