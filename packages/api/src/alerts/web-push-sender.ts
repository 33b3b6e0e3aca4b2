import type { Config } from "@cryptotrade/config";
import type { Database } from "@cryptotrade/db/client";
import { pushSubscriptions } from "@cryptotrade/db/schema";
import { eq, inArray } from "drizzle-orm";
import type { Logger } from "pino";
import webPush from "web-push";

/** What the service worker's `push` handler shows (apps/web/public/sw.js). */
export interface PushPayload {
  title: string;
  body: string;
  /** The page a click on the notification opens, on the app's own origin. */
  url: string;
  /** Notifications with the same tag replace each other. */
  tag: string;
}

export interface PushSender {
  /** The VAPID public key browsers subscribe with (`applicationServerKey`). */
  publicKey: string;
  /**
   * Sends `payload` to every browser `userId` subscribed, at once; a subscription the push
   * service no longer knows (404 or 410) is deleted. Resolves with how many were delivered.
   */
  sendToUser(userId: number, payload: PushPayload): Promise<number>;
}

/** How long a push service keeps an undelivered alert: a day, after that it is old news. */
const TIME_TO_LIVE_SECONDS = 86_400;
/** A push service that has not answered by then is given up on for this message. */
const SEND_TIMEOUT_MS = 10_000;

/**
 * Web Push (RFC 8030, payloads encrypted per RFC 8291, signed with VAPID per RFC 8292) through
 * the maintained `web-push` library; undefined when the config has no VAPID keys: push is off.
 *
 * @example
 * const push = createPushSender({ webPush: config.webPush, db, log });
 * await push?.sendToUser(7, { title: "BTC-USDT above 65,000.00", body: "…", url: "/trade/BTC-USDT", tag: "alert-1" });
 */
export function createPushSender(options: {
  webPush: Config["webPush"];
  db: Database;
  log: Logger;
}): PushSender | undefined {
  const { webPush: keys, db, log } = options;
  if (!keys) return undefined;
  const vapidDetails = {
    subject: keys.subject,
    publicKey: keys.publicKey,
    privateKey: keys.privateKey,
  };
  return {
    publicKey: keys.publicKey,
    async sendToUser(userId, payload) {
      const subscriptions = await db
        .select()
        .from(pushSubscriptions)
        .where(eq(pushSubscriptions.userId, userId));
      const body = JSON.stringify(payload);
      const gone: number[] = [];
      const results = await Promise.allSettled(
        subscriptions.map((subscription) =>
          webPush.sendNotification(
            {
              endpoint: subscription.endpoint,
              keys: { p256dh: subscription.p256dh, auth: subscription.auth },
            },
            body,
            { vapidDetails, TTL: TIME_TO_LIVE_SECONDS, urgency: "high", timeout: SEND_TIMEOUT_MS },
          ),
        ),
      );
      results.forEach((result, index) => {
        if (result.status === "fulfilled") return;
        const subscription = subscriptions[index];
        const status = statusOf(result.reason);
        if (subscription && (status === 404 || status === 410)) gone.push(subscription.id);
        else log.warn({ err: result.reason, status, userId }, "web push not delivered");
      });
      if (gone.length > 0) {
        await db.delete(pushSubscriptions).where(inArray(pushSubscriptions.id, gone));
      }
      return results.filter((result) => result.status === "fulfilled").length;
    },
  };
}

function statusOf(error: unknown): number | undefined {
  return error instanceof webPush.WebPushError ? error.statusCode : undefined;
}

/**
 * A new VAPID key pair, base64url, as `WEB_PUSH_PUBLIC_KEY` / `WEB_PUSH_PRIVATE_KEY` take it.
 *
 * @example
 * const { publicKey, privateKey } = generateWebPushKeys();
 */
export function generateWebPushKeys(): { publicKey: string; privateKey: string } {
  return webPush.generateVAPIDKeys();
}
