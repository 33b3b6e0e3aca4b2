import { useTranslation } from "react-i18next";
import { Toaster, toast } from "sonner";
import { useTheme } from "~/lib/use-theme";
import { NoticeToast } from "./notice-toast";
import type { NoticeWords } from "./notice-words";

/**
 * Where toasts appear: bottom right, above the page, in the page's colour scheme. Loaded lazily
 * with `showNoticeToast` (sonner is not in any page's first scripts); a toast shown before the
 * Toaster mounted is replayed by sonner when it does.
 */
export function NotificationToaster() {
  const { scheme } = useTheme();
  const { t } = useTranslation();
  return (
    <Toaster
      position="bottom-right"
      theme={scheme}
      containerAriaLabel={t("notifications.latest")}
      visibleToasts={4}
    />
  );
}

/**
 * One notice as a toast; assertive ones stay longer.
 *
 * @example
 * showNoticeToast("order-42-fill", wordNotice(notice, { t, n }));
 */
export function showNoticeToast(id: string, words: NoticeWords): void {
  toast.custom(() => <NoticeToast words={words} />, {
    id,
    duration: words.urgency === "assertive" ? 10_000 : 5_000,
  });
}
