/** What `alerts.subscribePush` takes: `PushSubscription.toJSON()`'s endpoint and keys. */
export interface PushSubscriptionData {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** Whether this browser can take Web Push at all (a service worker, the Push API, notifications). */
export function canUsePush(): boolean {
  return (
    typeof window !== "undefined" &&
    "serviceWorker" in navigator &&
    "PushManager" in window &&
    "Notification" in window
  );
}

/** This browser's push subscription through the app's service worker, or null. */
export async function currentPushSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.ready;
  return registration.pushManager.getSubscription();
}

/**
 * Asks for permission to notify, then subscribes through the service worker with the
 * exchange's VAPID key. Throws a sentence for people when either step fails.
 *
 * @example
 * const subscription = await subscribeToPush(publicKey);
 * await client.alerts.subscribePush.mutate(readSubscription(subscription));
 */
export async function subscribeToPush(publicKey: string): Promise<PushSubscription> {
  const permission = await Notification.requestPermission();
  if (permission !== "granted") {
    throw new Error("Notifications are not allowed for this site: allow them in the browser first");
  }
  const registration = await navigator.serviceWorker.ready;
  try {
    return await registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: fromBase64Url(publicKey),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`The browser's push service did not subscribe this browser (${reason})`);
  }
}

/** The endpoint and keys of a subscription, as the server keeps them. */
export function readSubscription(subscription: PushSubscription): PushSubscriptionData {
  const json = subscription.toJSON();
  const p256dh = json.keys?.p256dh;
  const auth = json.keys?.auth;
  if (!json.endpoint || !p256dh || !auth) throw new Error("The push subscription has no keys");
  return { endpoint: json.endpoint, keys: { p256dh, auth } };
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, "="));
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}
