import { expect, test } from "@playwright/test";

test("the home page lists the markets and links to their trade pages", async ({ page }) => {
  await page.goto("/");
  const table = page.getByRole("table", { name: "Markets" });
  const btc = table.getByRole("link", { name: "BTC-USDT" });
  await expect(btc).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Last price" })).toBeVisible();
  await btc.click();
  await expect(page).toHaveURL("/trade/BTC-USDT");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("BTC/USDT");
  await expect(page.getByText("Last price (USDT)")).toBeVisible();
  // The ticker subscription runs over the page's WebSocket.
  await expect(page.getByTestId("live-status")).toHaveText("Live");
});

test("an unknown market and an unknown page answer 404 with a way back", async ({ page }) => {
  const market = await page.goto("/trade/NOPE-USDT");
  expect(market?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  const nowhere = await page.goto("/no/such/page");
  expect(nowhere?.status()).toBe(404);
  expect(nowhere?.headers()["content-type"]).toContain("text/html");
  await page.getByRole("link", { name: "See every market" }).click();
  await expect(page.getByRole("table", { name: "Markets" })).toBeVisible();
});

test("pages carry a strict script policy with a fresh nonce", async ({ page }) => {
  const first = await page.goto("/");
  const second = await page.goto("/");
  const policy = (response: typeof first) => response?.headers()["content-security-policy"] ?? "";
  const nonce = (response: typeof first) => policy(response).match(/'nonce-([^']+)'/)?.[1];
  expect(policy(first)).toMatch(/script-src 'nonce-[^']+' 'self'/);
  expect(policy(first)).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(nonce(first)).toBeDefined();
  expect(nonce(first)).not.toBe(nonce(second));
});

test("built files are cached for a year", async ({ request }) => {
  const html = await (await request.get("/")).text();
  const script = html.match(/href="(\/assets\/[^"]+\.js)"/)?.[1];
  expect(script).toBeDefined();
  const response = await request.get(script ?? "");
  expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
});

test("pages hydrate with no console error (no CSP violation, no script error)", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  for (const path of ["/", "/trade/BTC-USDT", "/login", "/signup"]) {
    await page.goto(path);
    // Hydrated: the theme switch works without a page load.
    await page.getByRole("group", { name: "Theme" }).getByRole("button", { name: "Dark" }).click();
    await expect(page.locator("html")).toHaveClass("dark");
    await page
      .getByRole("group", { name: "Theme" })
      .getByRole("button", { name: "System" })
      .click();
    await expect(page.locator("html")).not.toHaveClass("dark");
  }
  expect(errors).toEqual([]);
});
