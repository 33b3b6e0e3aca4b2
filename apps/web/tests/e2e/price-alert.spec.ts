import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  createSubscriptionKeys,
  type PushService,
  startPushService,
} from "@cryptotrade/testing/push-service";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { callApi, severeViolations, useTheme } from "./page-helpers";
import { anonymousClient, openFundedTrader, tradeInsideSpread } from "./traders";

const SYMBOL = "BTC-USDT";

function alertsPanel(page: Page) {
  return page.getByRole("region", { name: "Price alerts" });
}

/** Sets an alert through the trade page's "Price alert" dialog, as a person does. */
async function setAlert(page: Page, condition: string, field: string, value: string) {
  await alertsPanel(page).getByRole("button", { name: "Price alert" }).click();
  const dialog = page.getByRole("dialog", { name: `Price alert on ${SYMBOL}` });
  await dialog.getByLabel("Condition").selectOption({ label: condition });
  await dialog.getByLabel(field).fill(value);
  await dialog.getByRole("button", { name: "Set alert" }).click();
  await expect(dialog).toBeHidden();
}

test.describe("price alerts", () => {
  test("sets alerts from the trade page, lists them, and cancels one", async ({
    signIn,
    page,
    context,
    baseURL,
  }) => {
    // Three alerts set by hand, a cancel, and two themes each loaded and analysed by axe.
    test.setTimeout(90_000);
    await signIn();
    await page.goto(`/trade/${SYMBOL}`);
    await expect(alertsPanel(page).getByText("No active price alerts.")).toBeVisible();

    // Typed wrong first: the field says what is wrong and nothing is set.
    await alertsPanel(page).getByRole("button", { name: "Price alert" }).click();
    const dialog = page.getByRole("dialog", { name: `Price alert on ${SYMBOL}` });
    await dialog.getByLabel("Alert price").fill("65000.001");
    await dialog.getByRole("button", { name: "Set alert" }).click();
    await expect(dialog.getByText("Price must be a multiple of the tick size 0.01")).toBeVisible();
    expect(await severeViolations(page), "the trade page with the alert dialog").toEqual([]);
    await dialog.getByRole("button", { name: "Close" }).click();

    await setAlert(page, "Price rises to", "Alert price", "999999");
    await expect(alertsPanel(page).getByRole("status")).toHaveText(
      "Alert set: BTC-USDT above 999,999.00",
    );
    await setAlert(page, "Price falls to", "Alert price", "1.5");
    await setAlert(page, "Price moves down by %", "Move", "90");
    const list = alertsPanel(page).getByRole("list", { name: "Your price alerts" });
    await expect(list.getByRole("listitem")).toHaveCount(3);
    await expect(list).toContainText("BTC-USDT above 999,999.00");
    await expect(list).toContainText("BTC-USDT below 1.50");
    await expect(list).toContainText("(90 % down)");

    await list.getByRole("button", { name: "Cancel alert BTC-USDT below 1.50" }).click();
    await expect(list.getByRole("listitem")).toHaveCount(2);
    await expect(list).not.toContainText("BTC-USDT below 1.50");

    // The Alerts page, from the header, lists the same alerts, in both themes, with no
    // serious accessibility problem.
    for (const theme of ["light", "dark"] as const) {
      await useTheme(context, baseURL ?? "", theme);
      await page.goto(`/trade/${SYMBOL}`);
      await page
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Alerts" })
        .click();
      await expect(page.getByRole("heading", { name: "Price alerts", level: 1 })).toBeVisible();
      const all = page.getByRole("list", { name: "Your price alerts" });
      await expect(all.getByRole("listitem")).toHaveCount(2);
      await expect(
        all.getByRole("button", { name: "Cancel alert BTC-USDT above 999,999.00" }),
      ).toBeVisible();
      expect(await severeViolations(page), `/alerts in ${theme}`).toEqual([]);
      await page.screenshot({
        path: test.info().outputPath(`alerts-${theme}.png`),
        fullPage: true,
      });
    }
  });

  test("a price alert set, the app closed, the price crosses: the push arrives in the service worker", async ({
    signIn,
    page,
    context,
    baseURL,
  }) => {
    test.setTimeout(60_000);
    const origin = baseURL ?? "";
    const certificates = process.env.E2E_PUSH_CERTIFICATE_DIR ?? "";
    const service: PushService = await startPushService({
      key: readFileSync(join(certificates, "key.pem")),
      cert: readFileSync(join(certificates, "cert.pem")),
    });
    try {
      await context.grantPermissions(["notifications"], { origin });
      await signIn();
      await page.goto("/alerts");
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

      // The browser's own subscription needs its vendor's push service (FCM for Chromium),
      // which this machine cannot reach: the page then says so instead of claiming push is on.
      await page.getByRole("button", { name: "Enable push notifications" }).click();
      await expect(
        page
          .getByText("Push notifications are on for this browser.")
          .or(page.getByRole("alert").filter({ hasText: "push service" })),
      ).toBeVisible();

      // So the subscription is made as the browser would make it (its P-256 key and auth
      // secret), with its endpoint on the stand-in push service, and given to the server
      // through the same procedure the page calls.
      const browserKeys = createSubscriptionKeys();
      await callApi(page.request, origin, "alerts.subscribePush", {
        endpoint: service.endpoint("journey"),
        keys: { p256dh: browserKeys.p256dh, auth: browserKeys.auth },
      });

      // An alert at today's best bid: the next trade at or above it crosses it.
      const client = anonymousClient(origin);
      const market = (await client.market.list.query()).find((m) => m.symbol === SYMBOL);
      if (!market) throw new Error(`no ${SYMBOL}`);
      const ticker = await client.market.ticker.query({ symbol: SYMBOL });
      const bid = Number(ticker.bestBid ?? ticker.last);
      const price = bid.toFixed(market.priceDecimals);
      await page.goto(`/trade/${SYMBOL}`);
      await setAlert(page, "Price rises to", "Alert price", price);
      await expect(alertsPanel(page).getByRole("status")).toContainText("Alert set");

      // The app closed: no page of the exchange is open when the price crosses.
      const blank = await context.newPage();
      await page.close();
      const seller = await openFundedTrader(origin, { BTC: "1" });
      const buyer = await openFundedTrader(origin, { USDT: "100000" });
      await tradeInsideSpread(seller.client, buyer.client, market);

      // The server sent it: encrypted to this "browser's" keys, it reads as the alert.
      const push = await service.nextPush("journey");
      const payload = JSON.parse(browserKeys.decrypt(push.body)) as { title: string; url: string };
      expect(payload.title).toMatch(/^BTC-USDT above [0-9,]+\.[0-9]{2}$/);
      expect(payload.url).toBe(`/trade/${SYMBOL}`);

      // The browser's push service would now hand the decrypted message to the worker; here
      // DevTools does that step (the one a push service and the browser's decryption do).
      const devtools = await context.newCDPSession(blank);
      const registrations: Array<{ registrationId: string; scopeURL: string }> = [];
      devtools.on("ServiceWorker.workerRegistrationUpdated", (event) =>
        registrations.push(...event.registrations),
      );
      await devtools.send("ServiceWorker.enable");
      await expect.poll(() => registrations.some((r) => r.scopeURL === `${origin}/`)).toBe(true);
      const registration = registrations.find((r) => r.scopeURL === `${origin}/`);
      await devtools.send("ServiceWorker.deliverPushMessage", {
        origin,
        registrationId: registration?.registrationId ?? "",
        data: JSON.stringify(payload),
      });

      // The worker showed it as a notification, with no page of the app open.
      const shown = async () => {
        const [worker] = context.serviceWorkers();
        if (!worker) return [];
        // The worker's global is a ServiceWorkerGlobalScope; the DOM types know its registration.
        return worker.evaluate(() =>
          (self as unknown as { registration: ServiceWorkerRegistration }).registration
            .getNotifications()
            .then((list) => list.map((n) => ({ title: n.title, body: n.body, data: n.data }))),
        );
      };
      await expect.poll(shown).toEqual([
        {
          title: payload.title,
          body: expect.stringContaining("BTC-USDT traded at"),
          data: { url: `/trade/${SYMBOL}` },
        },
      ]);
    } finally {
      await service.close();
    }
  });
});
