import { mkdtemp, rm } from "node:fs/promises";
import { globalAgent } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateWebPushKeys } from "@cryptotrade/api/server";
import { pushSubscriptions } from "@cryptotrade/db/schema";
import { eventually } from "@cryptotrade/testing/eventually";
import { makeLocalhostCertificate } from "@cryptotrade/testing/localhost-certificate";
import {
  createSubscriptionKeys,
  type PushService,
  startPushService,
  verifyVapid,
} from "@cryptotrade/testing/push-service";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useTradingServer } from "./testing/trading";

const vapid = generateWebPushKeys();

describe("price alerts by Web Push", () => {
  const t = useTradingServer({
    env: {
      WEB_PUSH_PUBLIC_KEY: vapid.publicKey,
      WEB_PUSH_PRIVATE_KEY: vapid.privateKey,
      WEB_PUSH_SUBJECT: "mailto:ops@example.com",
    },
  });
  let service: PushService | undefined;
  let certificateDir = "";
  const requireService = () => {
    if (!service) throw new Error("the push service is not running");
    return service;
  };

  beforeAll(async () => {
    certificateDir = await mkdtemp(join(tmpdir(), "push-service-"));
    const certificate = makeLocalhostCertificate(certificateDir);
    // The server trusts the stand-in push service's certificate as it trusts FCM's.
    globalAgent.options.ca = certificate.cert;
    service = await startPushService(certificate);
  });
  afterAll(async () => {
    await service?.close();
    await rm(certificateDir, { recursive: true, force: true });
  });

  it("pushes a fired alert to the user's browser with no app open, encrypted to its keys and signed with the VAPID key", async () => {
    await t.tradeAt("BTC-USDT", "64000.00");
    const user = await t.trader();
    expect(await user.client.alerts.pushKey.query()).toEqual({ publicKey: vapid.publicKey });
    const browser = createSubscriptionKeys();
    const endpoint = requireService().endpoint("alice");
    await user.client.alerts.subscribePush.mutate({
      endpoint,
      keys: { p256dh: browser.p256dh, auth: browser.auth },
    });
    const alert = await user.client.alerts.create.mutate({
      kind: "price",
      symbol: "BTC-USDT",
      direction: "above",
      price: "65000",
    });

    // No session of the user is connected: only the push can tell them.
    await t.tradeAt("BTC-USDT", "65000.50");
    const push = await requireService().nextPush("alice");

    expect(push.headers["content-encoding"]).toBe("aes128gcm");
    expect(push.headers.urgency).toBe("high");
    expect(Number(push.headers.ttl)).toBeGreaterThan(0);
    const claims = verifyVapid(push.headers.authorization, vapid.publicKey);
    expect(claims).toMatchObject({ aud: new URL(endpoint).origin, sub: "mailto:ops@example.com" });
    expect(JSON.parse(browser.decrypt(push.body))).toEqual({
      title: "BTC-USDT above 65,000.00",
      body: "BTC-USDT traded at 65000.50 USDT",
      url: "/trade/BTC-USDT",
      tag: `price-alert-${alert.id}`,
    });
    // A browser that did not subscribe cannot read it.
    expect(() => createSubscriptionKeys().decrypt(push.body)).toThrow();
    expect(await user.client.alerts.list.query({ all: true })).toEqual([
      expect.objectContaining({ id: alert.id, status: "triggered", triggeredPrice: "65000.50" }),
    ]);
  });

  it("forgets a subscription the push service answers 410 Gone", async () => {
    await t.tradeAt("ETH-USDT", "3000.00");
    const user = await t.trader();
    const browser = createSubscriptionKeys();
    const endpoint = requireService().endpoint("expired");
    await user.client.alerts.subscribePush.mutate({
      endpoint,
      keys: { p256dh: browser.p256dh, auth: browser.auth },
    });
    requireService().answer("expired", 410);
    await user.client.alerts.create.mutate({
      kind: "price",
      symbol: "ETH-USDT",
      direction: "below",
      price: "2990",
    });
    const subscriptionsOfUser = () =>
      t.server.database.db
        .select()
        .from(pushSubscriptions)
        .where(eq(pushSubscriptions.userId, user.userId));
    expect(await subscriptionsOfUser()).toHaveLength(1);

    await t.tradeAt("ETH-USDT", "2985.00");
    expect((await requireService().nextPush("expired")).status).toBe(410);
    await eventually(
      async () => (await subscriptionsOfUser()).length === 0,
      "the gone subscription to be deleted",
    );
  });
});
