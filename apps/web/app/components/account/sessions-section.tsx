import { ActionOutcome } from "~/components/action-outcome";
import { useTRPCClient } from "~/trpc/react";
import { describeUserAgent } from "./describe-user-agent";
import { formatTime } from "./format-time";
import { SectionCard } from "./section-card";
import { useRowAction } from "./use-row-action";

/** A signed-in session as `auth.sessions` lists it. */
export interface SessionItem {
  id: string;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
}

/** The user's sessions with device, address and last use; revoke one, or all but this one. */
export function SessionsSection({ sessions }: { sessions: SessionItem[] }) {
  const client = useTRPCClient();
  const { busy, error, done, run, clearDone } = useRowAction();
  const others = sessions.filter((session) => !session.current);

  function revoke(ids: string[], busyKey: string, message: string) {
    clearDone();
    return run(
      busyKey,
      async () => {
        for (const id of ids) await client.auth.revokeSession.mutate({ id });
        return message;
      },
      (errors) => errors.form ?? "Could not sign that session out",
    );
  }

  return (
    <SectionCard
      id="sessions"
      title="Sessions"
      description="Where your account is signed in. Sign out any you do not recognise."
    >
      <ActionOutcome error={error} done={done} />
      <ul className="divide-y divide-border" aria-label="Signed-in sessions">
        {sessions.map((session) => {
          const device = describeUserAgent(session.userAgent);
          return (
            <li key={session.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-3">
              <div className="min-w-0 flex-1">
                <p className="font-medium">
                  {device}
                  {session.current ? (
                    <span className="ml-2 whitespace-nowrap rounded bg-accent px-1.5 py-0.5 text-xs text-on-accent">
                      This device
                    </span>
                  ) : null}
                </p>
                <p className="text-sm text-muted">
                  {session.ip ?? "Unknown address"} · last used {formatTime(session.lastSeenAt)} ·
                  signed in {formatTime(session.createdAt)}
                </p>
              </div>
              {session.current ? null : (
                <button
                  type="button"
                  disabled={busy !== null}
                  aria-label={`Sign out ${device} (${session.ip ?? "unknown address"}, last used ${formatTime(session.lastSeenAt)})`}
                  onClick={() => revoke([session.id], session.id, `Signed out ${device}.`)}
                  className="rounded-md border border-border px-3 py-1.5 text-sm hover:bg-surface disabled:opacity-70"
                >
                  {busy === session.id ? "Signing out…" : "Sign out"}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {others.length > 0 ? (
        <button
          type="button"
          disabled={busy !== null}
          onClick={() =>
            revoke(
              others.map((s) => s.id),
              "all",
              `Signed out ${others.length} other session${others.length === 1 ? "" : "s"}.`,
            )
          }
          className="mt-3 rounded-md border border-sell px-4 py-2 text-sm font-medium text-sell hover:bg-surface disabled:opacity-70"
        >
          {busy === "all" ? "Signing out…" : "Sign out all other sessions"}
        </button>
      ) : (
        <p className="mt-3 text-sm text-muted">No other sessions.</p>
      )}
    </SectionCard>
  );
}
