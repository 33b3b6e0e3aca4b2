import { Form } from "react-router";
import { SectionCard } from "~/components/account/section-card";
import { AdminPager } from "~/components/admin/admin-pager";
import { UsersTable } from "~/components/admin/users-table";
import { requireAdmin } from "~/lib/account-access.server";
import type { Route } from "./+types/admin.users";

export const meta: Route.MetaFunction = () => [{ title: "Users · Admin · CryptoTrade" }];

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

/** Accounts newest first, searchable by email or username, with their role. */
export default function AdminUsers({ loaderData }: Route.ComponentProps) {
  return (
    <SectionCard id="users" title="Users">
      <Form method="get" role="search" className="mb-4 flex flex-wrap items-end gap-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="user-search" className="text-sm font-medium">
            Search users
          </label>
          <input
            id="user-search"
            name="q"
            type="search"
            defaultValue={loaderData.query}
            placeholder="Email or username"
            className="rounded-md border border-border bg-surface px-3 py-2 text-text"
          />
        </div>
        <button
          type="submit"
          className="rounded-md bg-accent px-4 py-2 text-sm font-medium text-on-accent"
        >
          Search
        </button>
      </Form>
      <UsersTable users={loaderData.items} selfId={loaderData.selfId} />
      <AdminPager
        nextCursor={loaderData.nextCursor}
        nextLabel="Older accounts"
        label="User pages"
      />
    </SectionCard>
  );
}
