import { expect, type Page, test } from "@playwright/test";

/** Picks a theme in the header and waits until the server has saved it in the cookie. */
async function chooseTheme(page: Page, name: "Light" | "Dark" | "System") {
  const saved = page.waitForResponse(
    (response) => response.request().method() === "POST" && response.url().includes("/theme"),
  );
  await page.getByRole("group", { name: "Theme" }).getByRole("button", { name }).click();
  await saved;
}

/** The page's surface token for the theme shown now, as a canvas paints it (#rrggbb). */
function surfaceToken(page: Page): Promise<string> {
  return page.evaluate(() => {
    const token = getComputedStyle(document.documentElement).getPropertyValue("--ct-surface");
    const context = document.createElement("canvas").getContext("2d");
    if (!context) return "";
    context.fillStyle = token.trim();
    return context.fillStyle;
  });
}

/** The colour of the candle chart's top-left pixel (its background), as #rrggbb. */
function chartBackground(page: Page): Promise<string> {
  return page.getByRole("img", { name: /price in .* candles/ }).evaluate((chart) => {
    const canvas = chart.querySelector("canvas");
    const pixel = canvas?.getContext("2d")?.getImageData(2, 2, 1, 1).data;
    if (!pixel) return "";
    return `#${[pixel[0], pixel[1], pixel[2]].map((n) => (n ?? 0).toString(16).padStart(2, "0")).join("")}`;
  });
}

test.describe("on a device set to dark, on a first visit", () => {
  test.use({ colorScheme: "dark" });

  test("choosing Light repaints the page at once, without a reload", async ({ page }) => {
    await page.goto("/");
    await expect(page.locator("html")).toHaveClass("dark");
    await chooseTheme(page, "Light");
    await expect(page.locator("html")).not.toHaveClass("dark");
    await chooseTheme(page, "Dark");
    await expect(page.locator("html")).toHaveClass("dark");
    await chooseTheme(page, "System");
    await expect(page.locator("html")).toHaveClass("dark");
  });
});

test("with System, an OS switch repaints the page and the candle chart", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/trade/BTC-USDT");
  const chart = page.getByRole("img", { name: /price in .* candles/ });
  await expect(chart.locator("canvas").first()).toBeVisible();
  const light = await surfaceToken(page);
  await expect.poll(() => chartBackground(page)).toBe(light);

  await page.emulateMedia({ colorScheme: "dark" });
  await expect(page.locator("html")).toHaveClass("dark");
  const dark = await surfaceToken(page);
  expect(dark).not.toBe(light);
  await expect.poll(() => chartBackground(page)).toBe(dark);

  await page.emulateMedia({ colorScheme: "light" });
  await expect(page.locator("html")).not.toHaveClass("dark");
  await expect.poll(() => chartBackground(page)).toBe(light);
});
