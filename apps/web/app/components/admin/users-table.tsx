import { useTranslation } from "react-i18next";
import { ActionOutcome } from "~/components/action-outcome";
import { DataTable } from "~/components/data-table";
import { StatusButton } from "~/components/ui/status-button";
import { formErrorOf } from "~/lib/form-answer";
import { useFormFetcher } from "~/lib/use-form-fetcher";
import { useTimeFormat } from "~/lib/use-viewer";

/** An account as `admin.users` lists it. */
export interface AdminUser {
  id: string;
  email: string;
  username: string;
  role: string;
  createdAt: Date;
}

/** Accounts with their role; make a user an admin or an admin a user (never yourself). */
export function UsersTable({ users, selfId }: { users: AdminUser[]; selfId: string }) {
  const { fetcher, answer, pending } = useFormFetcher("set-role");
  const busy = fetcher.formData?.get("userId");

  const time = useTimeFormat();
  const { t } = useTranslation("admin");
  return (
    <div>
      <ActionOutcome error={formErrorOf(answer) ?? null} done={answer?.done ?? null} />
      {users.length === 0 ? (
        <p className="text-sm text-muted">{t("users.none")}</p>
      ) : (
        <DataTable
          caption={t("users.caption")}
          density="comfortable"
          className="min-w-[36rem]"
          columns={[
            { name: t("users.id"), align: "right" },
            { name: t("users.username") },
            { name: t("users.email") },
            { name: t("users.role") },
            { name: t("users.joined") },
            { name: t("action"), hidden: true },
          ]}
        >
          {users.map((user) => (
            <tr key={user.id}>
              <td className="py-2 pr-3 text-right tabular">{user.id}</td>
              <th scope="row" className="py-2 pr-3 font-medium">
                {user.username}
              </th>
              <td className="break-all py-2 pr-3">{user.email}</td>
              <td className="py-2 pr-3">
                {user.role === "admin" ? t("users.admin") : t("users.user")}
              </td>
              <td className="py-2 pr-3 tabular">{time.moment(user.createdAt)}</td>
              <td className="py-2 text-right">
                {user.id === selfId ? (
                  <span className="text-muted">{t("users.you")}</span>
                ) : (
                  <fetcher.Form method="post">
                    <input type="hidden" name="intent" value="set-role" />
                    <input type="hidden" name="userId" value={user.id} />
                    <input type="hidden" name="username" value={user.username} />
                    <input
                      type="hidden"
                      name="role"
                      value={user.role === "admin" ? "user" : "admin"}
                    />
                    <StatusButton
                      variant="outline"
                      size="sm"
                      pending={busy === user.id}
                      disabled={pending}
                      aria-label={t(
                        user.role === "admin" ? "users.makeUserLabel" : "users.makeAdminLabel",
                        { username: user.username },
                      )}
                      pendingText={t("saving")}
                      className="whitespace-nowrap"
                    >
                      {user.role === "admin" ? t("users.makeUser") : t("users.makeAdmin")}
                    </StatusButton>
                  </fetcher.Form>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
