import { getFormProps } from "@conform-to/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ActionOutcome } from "~/components/action-outcome";
import { StatusButton } from "~/components/ui/status-button";
import { useTimeFormat } from "~/lib/use-viewer";
import type { AccountAnswer } from "./account-action.server";
import { RowInput, SessionsInput } from "./account-forms";
import { describeUserAgent } from "./describe-user-agent";
import { SectionCard } from "./section-card";
import { useAccountForm } from "./use-account-form";

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
  const one = useAccountForm("revoke-session", RowInput);
  const all = useAccountForm("revoke-other-sessions", SessionsInput);
  const others = sessions.filter((session) => !session.current);
  const busy = one.pending || all.pending;
  const busyId = one.fetcher.formData?.get("id");
  // The newer of the two answers speaks.
  const [latest, setLatest] = useState<AccountAnswer | undefined>();
  useEffect(() => setLatest(one.answer), [one.answer]);
  useEffect(() => setLatest(all.answer), [all.answer]);

  const time = useTimeFormat();
  const { t } = useTranslation("account");
  return (
    <SectionCard id="sessions" title={t("sessions.title")} description={t("sessions.description")}>
      <ActionOutcome error={one.formError ?? all.formError ?? null} done={latest?.done ?? null} />
      <ul className="divide-y divide-border" aria-label={t("sessions.list")}>
        {sessions.map((session) => {
          const device = describeUserAgent(session.userAgent);
          return (
            <li key={session.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-3">
              <div className="min-w-0 flex-1">
                <p className="font-medium">
                  {device}
                  {session.current ? (
                    <span className="ml-2 whitespace-nowrap rounded bg-accent px-1.5 py-0.5 text-xs text-on-accent">
                      {t("sessions.thisDevice")}
                    </span>
                  ) : null}
                </p>
                <p className="text-sm text-muted">
                  {t("sessions.details", {
                    address: session.ip ?? t("sessions.unknownAddress"),
                    lastUsed: time.moment(session.lastSeenAt),
                    signedIn: time.moment(session.createdAt),
                  })}
                </p>
              </div>
              {session.current ? null : (
                <one.fetcher.Form method="post" action="/account">
                  <input type="hidden" name="intent" value="revoke-session" />
                  <input type="hidden" name="id" value={session.id} />
                  <input type="hidden" name="label" value={device} />
                  <StatusButton
                    variant="outline"
                    size="sm"
                    pending={busyId === session.id}
                    disabled={busy}
                    aria-label={t("sessions.signOutLabel", {
                      device,
                      address: session.ip ?? t("sessions.unknownAddress"),
                      lastUsed: time.moment(session.lastSeenAt),
                    })}
                    pendingText={t("sessions.signingOut")}
                  >
                    {t("sessions.signOut")}
                  </StatusButton>
                </one.fetcher.Form>
              )}
            </li>
          );
        })}
      </ul>
      {others.length > 0 ? (
        <all.fetcher.Form
          method="post"
          action="/account"
          {...getFormProps(all.form)}
          className="mt-3"
        >
          <input type="hidden" name="intent" value="revoke-other-sessions" />
          {others.map((session) => (
            <input key={session.id} type="hidden" name="id" value={session.id} />
          ))}
          <StatusButton
            variant="danger"
            pending={all.pending}
            disabled={busy}
            pendingText={t("sessions.signingOut")}
          >
            {t("sessions.signOutOthers")}
          </StatusButton>
        </all.fetcher.Form>
      ) : (
        <p className="mt-3 text-sm text-muted">{t("sessions.noOthers")}</p>
      )}
    </SectionCard>
  );
}
