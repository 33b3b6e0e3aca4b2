import { useState } from "react";
import { askToNotify, canNotify } from "./browser-notice";
import { useNotificationPreferences } from "./use-notification-preferences";

/**
 * The sound and browser-notification switches, saved to the account. Turning browser
 * notifications on asks the browser's permission then, and only then.
 */
export function NotificationSettings() {
  const { current, loaded, saving, failed, save } = useNotificationPreferences();
  const [blocked, setBlocked] = useState(false);

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
      <legend className="sr-only">Notification settings</legend>
      <label className="flex items-center gap-2 py-1">
        <input
          type="checkbox"
          className="size-4 accent-accent"
          checked={current.sound}
          onChange={(event) => save({ sound: event.target.checked })}
        />
        Play a sound
      </label>
      <label className="flex items-center gap-2 py-1">
        <input
          type="checkbox"
          className="size-4 accent-accent"
          checked={current.browser}
          onChange={(event) => void switchBrowser(event.target.checked)}
        />
        Browser notifications while this page is in the background
      </label>
      <p role="status" className="text-xs text-muted">
        {blocked
          ? canNotify()
            ? "The browser blocks notifications for this site; allow them in its site settings."
            : "This browser cannot show notifications."
          : failed
            ? "Could not save; try again."
            : ""}
      </p>
    </fieldset>
  );
}
