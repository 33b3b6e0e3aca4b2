import { useTranslation } from "react-i18next";
import { NotificationCentrePanel } from "./notification-centre-panel";
import { useNotificationCentre } from "./notification-provider";

const PANEL_ID = "notification-centre";

/**
 * The header's bell: its name says how many notices are unread ("Notifications, 3 unread") and
 * it opens the notification centre, a popover (Escape or a click outside closes it).
 */
export function NotificationBell() {
  const { unread } = useNotificationCentre();
  const { t } = useTranslation();
  return (
    <>
      <button
        type="button"
        popoverTarget={PANEL_ID}
        aria-label={
          unread > 0 ? t("notifications.bellUnread", { unread }) : t("notifications.bell")
        }
        className="relative rounded-md p-2 text-muted md:p-1.5 [anchor-name:--notification-bell] hover:bg-surface hover:text-text"
      >
        <svg
          aria-hidden="true"
          viewBox="0 0 24 24"
          className="size-5"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 ? (
          <span
            aria-hidden="true"
            className="absolute -top-0.5 -right-0.5 min-w-4 rounded-full bg-sell px-1 text-center text-[0.65rem] leading-4 font-semibold text-surface tabular"
          >
            {unread > 99 ? "99+" : unread}
          </span>
        ) : null}
      </button>
      <NotificationCentrePanel id={PANEL_ID} />
    </>
  );
}
