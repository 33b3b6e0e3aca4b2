import { useState } from "react";
import { useRevalidator } from "react-router";
import { formatTime } from "~/components/account/format-time";
import { readCallErrors } from "~/components/account/mutation-errors";
import { FormAlert } from "~/components/form-alert";
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
  const revalidator = useRevalidator();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function changeRole(user: AdminUser) {
    const role = user.role === "admin" ? "user" : "admin";
    setBusy(user.id);
    setError(null);
    try {
      await client.admin.setRole.mutate({ userId: user.id, role });
      setDone(`${user.username} is now ${role === "admin" ? "an admin" : "a user"}.`);
      await revalidator.revalidate();
    } catch (failure) {
      setError(readCallErrors(failure).form ?? readCallErrors(failure).fields.userId ?? null);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div>
      <FormAlert message={error} />
      <p role="status" className="text-sm text-buy">
        {done}
      </p>
      {users.length === 0 ? (
        <p className="text-sm text-muted">No accounts match.</p>
      ) : (
        <div className="relative overflow-x-auto">
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">Accounts</caption>
            <thead className="text-muted">
              <tr>
                <th scope="col" className="py-2 pr-3 text-right font-medium">
                  Id
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Username
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Email
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Role
                </th>
                <th scope="col" className="py-2 pr-3 font-medium">
                  Joined
                </th>
                <th scope="col" className="py-2 font-medium">
                  <span className="sr-only">Action</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
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
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
