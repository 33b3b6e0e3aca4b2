import { expect, test } from "@playwright/test";
import { severeViolations, useTheme } from "./page-helpers";

// Journeys of several steps against a real server sharing two cores with the market maker.
test.describe.configure({ timeout: 90_000 });

test("the app has a web manifest with regular and maskable icons", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");
  const manifest = (await (await request.get("/manifest.webmanifest")).json()) as {
    name: string;
    start_url: string;
    icons: Array<{ src: string; sizes: string; purpose: string }>;
  };
  expect(manifest.name).toBe("CryptoTrade Exchange");
  expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose}`).sort()).toEqual([
    "192x192 any",
    "512x512 any",
    "512x512 maskable",
  ]);
  for (const icon of manifest.icons) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"]).toBe("image/png");
    const size = Number(icon.sizes.split("x")[0]);
    // A PNG's width and height are in its IHDR chunk, bytes 16 to 24.
    const body = await response.body();
    expect([body.readUInt32BE(16), body.readUInt32BE(20)]).toEqual([size, size]);
  }
});

test("with the network cut, a reload shows the offline page; restored, the app resumes", async ({
  page,
  context,
}) => {
  await page.goto("/");
  // The worker takes control of the page (clients.claim) once it is active.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) =>
        navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }),
      );
    }
  });
  // Loaded through the worker, the page's hashed assets are now cached.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Markets", level: 1 })).toBeVisible();
  const cached = await page.evaluate(async () => {
    const keys = await caches.keys();
    const requests = (await Promise.all(keys.map(async (key) => (await caches.open(key)).keys())))
      .flat()
      .map((request) => new URL(request.url).pathname);
    return requests;
  });
  expect(cached).toContain("/offline.html");
  expect(cached.some((path) => path.startsWith("/assets/"))).toBe(true);
  expect(cached.some((path) => /^\/(trpc|ws)(\/|$)/.test(path))).toBe(false);

  // Offline, the open page says so plainly.
  await context.setOffline(true);
  await expect(page.getByTestId("network-status")).toContainText("You are offline");

  // A reload (a navigation with no network) gets the worker's offline page.
  await page.reload();
  await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
  await expect(page).toHaveTitle("Offline · CryptoTrade");

  // The network returns: the offline page goes back to the app by itself.
  await context.setOffline(false);
  await expect(page.getByRole("heading", { name: "Markets", level: 1 })).toBeVisible();
  await expect(page.getByTestId("live-status").first()).toHaveText("Live");
});

test("a page that loses the network says so and recovers when it returns", async ({
  page,
  context,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Markets", level: 1 })).toBeVisible();
  await context.setOffline(true);
  const banner = page.getByTestId("network-status");
  await expect(banner).toContainText("You are offline");
  await expect(banner).toHaveAttribute("role", "status");
  await context.setOffline(false);
  await expect(banner).toContainText("Back online");
  await expect(banner).not.toContainText("You are offline");
});

for (const theme of ["light", "dark"] as const) {
  test(`the offline page has no serious accessibility violation in the ${theme} scheme`, async ({
    page,
    context,
    baseURL,
  }, testInfo) => {
    await useTheme(context, baseURL ?? "", theme);
    await page.emulateMedia({ colorScheme: theme });
    await page.goto("/offline.html");
    await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
    // The site's chosen theme (its cookie) carries over to the static page.
    await expect(page.locator("html")).toHaveClass(theme);
    expect(await severeViolations(page)).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`offline-${theme}.png`) });
  });
}
