import { Trans, useTranslation } from "react-i18next";

/** A subscription's state as @trpc/tanstack-react-query reports it. */
export type StreamStatus = "idle" | "connecting" | "pending" | "error";

/**
 * Says plainly when live updates stop (the WebSocket dropped or is reconnecting), so a trader
 * knows the numbers on screen may be old; nothing while the stream is live.
 *
 * @example
 * const live = useSubscription(trpc.portfolio.onBalances.subscriptionOptions());
 * <ConnectionNotice status={live.status} what="Balances" />
 */
export function ConnectionNotice({ status, what }: { status: StreamStatus; what: string }) {
  // "idle" is also the state before the browser starts the stream (server rendering): only
  // an error means the connection was lost.
  const lost = status === "error";
  const { t } = useTranslation();
  return (
    <div role="status" aria-live="polite" data-testid="connection-notice">
      {lost ? (
        <p className="rounded-md border border-sell px-3 py-2 text-sm">
          <span aria-hidden="true">⚠ </span>
          <Trans
            t={t}
            i18nKey="connection.lost"
            values={{ what }}
            components={{ strong: <span className="font-medium" /> }}
          />
        </p>
      ) : status === "connecting" ? (
        <p className="text-sm text-muted">{t("connection.connecting")}</p>
      ) : null}
    </div>
  );
}
