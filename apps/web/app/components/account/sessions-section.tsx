import { useState } from "react";
import { useRevalidator } from "react-router";
import { FormAlert } from "~/components/form-alert";
import { useTRPCClient } from "~/trpc/react";
import { describeUserAgent } from "./describe-user-agent";
import { formatTime } from "./format-time";
import { readCallErrors } from "./mutation-errors";
import { SectionCard } from "./section-card";

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
  const revalidator = useRevalidator();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const others = sessions.filter((session) => !session.current);

  async function revoke(ids: string[], busyKey: string, message: string) {
    setBusy(busyKey);
    setError(null);
    setDone(null);
    try {
      for (const id of ids) await client.auth.revokeSession.mutate({ id });
      setDone(message);
      await revalidator.revalidate();
    } catch (failure) {
      setError(readCallErrors(failure).form ?? "Could not sign that session out");
    } finally {
      setBusy(null);
    }
  }

  return (
    <SectionCard
      id="sessions"
      title="Sessions"
      description="Where your account is signed in. Sign out any you do not recognise."
    >
      <FormAlert message={error} />
      <p role="status" className="text-sm text-buy">
        {done}
      </p>
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
