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

/** Makes a user an admin or an admin a user (`set-role`). */
export async function action({ context, request }: Route.ActionArgs) {
  await requireAdmin(context, request);
  const formData = await request.formData();
  if (formData.get("intent") !== "set-role") throw data("Unknown form", { status: 400 });
  return respond(
    await answerForm(context, "set-role", parseForm(formData, RoleInput), async (change) => {
      const { userId, role, username } = change;
      await context.trpc.admin.setRole({ userId, role });
      return { done: `${username} is now ${role === "admin" ? "an admin" : "a user"}.` };
    }),
  );
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
            className={CONTROL_CLASS}
          />
        </div>
        <Button type="submit">Search</Button>
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
