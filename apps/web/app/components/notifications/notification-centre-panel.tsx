import { useTranslation } from "react-i18next";
import { Button } from "~/components/ui/button";
import { useNumbers, useTimeFormat } from "~/lib/use-viewer";
import { wordNotice } from "./notice-words";
import { useNotificationCentre } from "./notification-provider";
import { NotificationSettings } from "./notification-settings";

/**
 * The notification centre, under the bell wherever the header's rows put it (CSS anchor
 * positioning; a fixed place below the header where a browser lacks it): the kept notices newest first with their time, "Mark all read",
 * "Clear", and the sound and browser switches.
 */
export function NotificationCentrePanel({ id }: { id: string }) {
  const { notices, unread, markAllRead, clear } = useNotificationCentre();
  const { n } = useNumbers();
  const { t } = useTranslation();
  const time = useTimeFormat();
  return (
    <section
      id={id}
      popover="auto"
      aria-labelledby={`${id}-title`}
      className="fixed inset-x-2 top-14 m-0 [position-anchor:--notification-bell] supports-[top:anchor(bottom)]:[top:calc(anchor(bottom)_+_0.5rem)] max-h-[80dvh] overflow-y-auto rounded-md border border-border bg-surface-raised p-4 text-sm text-text shadow-xl sm:left-auto sm:right-4 sm:w-96"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="font-semibold">
          {t("notifications.title")}
        </h2>
        <div className="flex gap-2">
          <Button variant="outline" size="xs" onClick={markAllRead} disabled={unread === 0}>
            {t("notifications.markAllRead")}
          </Button>
          <Button variant="outline" size="xs" onClick={clear} disabled={notices.length === 0}>
            {t("notifications.clear")}
          </Button>
        </div>
      </div>
      {notices.length === 0 ? (
        <p className="mt-3 text-muted">{t("notifications.empty")}</p>
      ) : (
        <ul aria-label={t("notifications.kept")} className="mt-3 divide-y divide-border">
          {notices.map((notice) => {
            const words = wordNotice(notice, { t, n });
            return (
              <li key={notice.id} className="flex gap-2 py-2">
                <span
                  aria-hidden="true"
                  className={`mt-1.5 size-2 shrink-0 rounded-full ${notice.read ? "" : "bg-accent"}`}
                />
                <div className="min-w-0">
                  <p className="font-medium tabular">
                    {notice.read ? null : (
                      <span className="sr-only">{t("notifications.unread")}</span>
                    )}
                    {words.title}
                  </p>
                  <p className="text-muted">{words.detail}</p>
                  <time
                    className="text-xs text-muted tabular"
                    dateTime={new Date(notice.at).toISOString()}
                  >
                    {time.recent(new Date(notice.at))}
                  </time>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <NotificationSettings />
    </section>
  );
}
