import { expect, type Page, test } from "@playwright/test";
import { signInNewUser } from "./fixtures";

test.use({ viewport: { width: 390, height: 844 } });

async function expectNoSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
}

test("the pages fit a 390 px phone", async ({ page, context, baseURL }) => {
  await page.goto("/");
  await expect(page.getByRole("table", { name: "Markets" })).toBeVisible();
  await expect(page.getByRole("group", { name: "Theme" })).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.goto("/trade/BTC-USDT");
  await expect(page.getByText("Last price (USDT)")).toBeVisible();
  await expectNoSidewaysScroll(page);

  await signInNewUser(context, baseURL ?? "");
  await page.goto("/");
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
  await expectNoSidewaysScroll(page);
});
