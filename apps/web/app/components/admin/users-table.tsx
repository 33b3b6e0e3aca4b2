import { formatTime } from "~/components/account/format-time";
import { useRowAction } from "~/components/account/use-row-action";
import { ActionOutcome } from "~/components/action-outcome";
import { DataTable } from "~/components/data-table";
import { useTRPCClient } from "~/trpc/react";

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
  const client = useTRPCClient();
  const { busy, error, done, run } = useRowAction();

  function changeRole(user: AdminUser) {
    const role = user.role === "admin" ? "user" : "admin";
    return run(
      user.id,
      async () => {
        await client.admin.setRole.mutate({ userId: user.id, role });
        return `${user.username} is now ${role === "admin" ? "an admin" : "a user"}.`;
      },
      (errors) => errors.form ?? errors.fields.userId ?? null,
    );
  }

  return (
    <div>
      <ActionOutcome error={error} done={done} />
      {users.length === 0 ? (
        <p className="text-sm text-muted">No accounts match.</p>
      ) : (
        <DataTable
          caption="Accounts"
          density="comfortable"
          className="min-w-[36rem]"
          columns={[
            { name: "Id", align: "right" },
            { name: "Username" },
            { name: "Email" },
            { name: "Role" },
            { name: "Joined" },
            { name: "Action", hidden: true },
          ]}
        >
          {users.map((user) => (
            <tr key={user.id}>
              <td className="py-2 pr-3 text-right tabular">{user.id}</td>
              <th scope="row" className="py-2 pr-3 font-medium">
                {user.username}
              </th>
              <td className="break-all py-2 pr-3">{user.email}</td>
              <td className="py-2 pr-3">{user.role === "admin" ? "Admin" : "User"}</td>
              <td className="py-2 pr-3 tabular">{formatTime(user.createdAt)}</td>
              <td className="py-2 text-right">
                {user.id === selfId ? (
                  <span className="text-muted">You</span>
                ) : (
                  <button
                    type="button"
                    disabled={busy !== null}
                    onClick={() => changeRole(user)}
                    aria-label={
                      user.role === "admin"
                        ? `Make ${user.username} a user`
                        : `Make ${user.username} an admin`
                    }
                    className="whitespace-nowrap rounded-md border border-border px-3 py-1 hover:bg-surface disabled:opacity-70"
                  >
                    {busy === user.id
                      ? "Saving…"
                      : user.role === "admin"
                        ? "Make user"
                        : "Make admin"}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </div>
  );
}
