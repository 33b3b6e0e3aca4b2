import { useState } from "react";
import { useTranslation } from "react-i18next";
import { askToNotify, canNotify } from "./browser-notice";
import { useNotificationPreferences } from "./use-notification-preferences";

/**
 * The sound and browser-notification switches, saved to the account. Turning browser
 * notifications on asks the browser's permission then, and only then.
 */
export function NotificationSettings() {
  const { current, loaded, saving, failed, save } = useNotificationPreferences();
  const [blocked, setBlocked] = useState(false);
  const { t } = useTranslation();

  const switchBrowser = async (on: boolean) => {
    if (on && !(await askToNotify())) {
      setBlocked(true);
      return;
    }
    setBlocked(false);
    save({ browser: on });
  };

  return (
    <fieldset className="mt-4 border-t border-border pt-3" disabled={!loaded || saving}>
      <legend className="sr-only">{t("notifications.settings")}</legend>
      <label className="flex items-center gap-2 py-1">
        <input
          type="checkbox"
          className="size-4 accent-accent"
          checked={current.sound}
          onChange={(event) => save({ sound: event.target.checked })}
        />
        {t("notifications.sound")}
      </label>
      <label className="flex items-center gap-2 py-1">
        <input
          type="checkbox"
          className="size-4 accent-accent"
          checked={current.browser}
          onChange={(event) => void switchBrowser(event.target.checked)}
        />
        {t("notifications.browser")}
      </label>
      <p role="status" className="text-xs text-muted">
        {blocked
          ? canNotify()
            ? t("notifications.blocked")
            : t("notifications.unsupported")
          : failed
            ? t("notifications.saveFailed")
            : ""}
      </p>
    </fieldset>
  );
}
