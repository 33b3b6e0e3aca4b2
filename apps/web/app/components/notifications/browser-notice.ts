import type { NoticeWords } from "./notice-words";

/** Whether this browser can show notifications at all. */
export function canNotify(): boolean {
  return typeof window !== "undefined" && "Notification" in window;
}

/**
 * Asks for permission (only when the trader turns browser notifications on) and answers
 * whether they may be shown.
 *
 * @example
 * if (!(await askToNotify())) say("Notifications are blocked for this site");
 */
export async function askToNotify(): Promise<boolean> {
  if (!canNotify()) return false;
  if (Notification.permission === "granted") return true;
  if (Notification.permission === "denied") return false;
  return (await Notification.requestPermission()) === "granted";
}

/**
 * Shows the browser's own notification, only while the page is hidden (a visible page has its
 * toast). Through the service worker where one controls the page (required on Android).
 *
 * @example
 * notifyInBackground("e1#0", { title: "Bought 0.01 BTC", detail: "BTC-USDT, order 7", urgency: "polite" });
 */
export function notifyInBackground(tag: string, words: NoticeWords): void {
  if (!canNotify() || document.visibilityState !== "hidden") return;
  if (Notification.permission !== "granted") return;
  const options = { body: words.detail, tag, icon: "/icons/icon-192.png" };
  const worker = navigator.serviceWorker?.controller ? navigator.serviceWorker : undefined;
  if (worker) {
    void worker.ready.then((registration) => registration.showNotification(words.title, options));
  } else {
    new Notification(words.title, options);
  }
}
