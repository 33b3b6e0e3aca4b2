import { expect, type Locator, type Page, test } from "@playwright/test";
import { severeViolations, useTheme } from "./page-helpers";

/** The picker's dialog and search box, opened from the trade page's market name. */
function picker(page: Page) {
  const dialog = page.getByRole("dialog", { name: "Switch market" });
  return { dialog, search: dialog.getByRole("combobox", { name: "Search markets" }) };
}

// Other journeys open markets of their own on the shared server: the demo's are counted alone.
const DEMO_OPTION = /^(BTC\/USDT|ETH\/BTC|ETH\/USDT|SOL\/USDT)/;
const demoOptions = (dialog: Locator) => async () =>
  (await dialog.getByRole("option").allTextContents())
    .map((text) => text.trim().match(DEMO_OPTION)?.[1])
    .filter((pair) => pair !== undefined);

test("the picker finds a market by its asset's name and opens its trade page", async ({ page }) => {
  await page.goto("/trade/ETH-USDT");
  await page.getByRole("button", { name: "Switch market, ETH-USDT" }).click();
  const { dialog, search } = picker(page);
  await expect(search).toBeFocused();
  const shown = demoOptions(dialog);
  // Every market, each with its live last price and 24-hour change.
  await expect.poll(shown).toEqual(["BTC/USDT", "ETH/BTC", "ETH/USDT", "SOL/USDT"]);
  await expect(dialog.getByTestId("picker-last-BTC-USDT")).toHaveText(/^\d[\d,]*\.\d+$/);
  await expect(dialog.getByRole("option", { name: /^ETH\/USDT/ })).toContainText("(shown)");

  await search.fill("solana");
  await expect.poll(shown).toEqual(["SOL/USDT"]);
  // "ether" is Ether, not the middle of Tether USD.
  await search.fill("ether");
  await expect.poll(shown).toEqual(["ETH/BTC", "ETH/USDT"]);
  await search.fill("bitcoin");
  await expect.poll(shown).toEqual(["BTC/USDT", "ETH/BTC"]);
  await expect(dialog.getByRole("option", { name: /^BTC\/USDT/ })).toContainText("Bitcoin");
  await dialog.getByRole("option", { name: /^BTC\/USDT/ }).click();

  await expect(page).toHaveURL("/trade/BTC-USDT");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("BTC/USDT");
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("live-status")).toHaveText("Live");
});

test("the picker works from the keyboard alone and gives focus back when closed", async ({
  page,
}) => {
  await page.goto("/trade/SOL-USDT");
  const button = page.getByRole("button", { name: "Switch market, SOL-USDT" });
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  // Tab from the top of the page to the picker, as a keyboard user does.
  const focused = () => button.evaluate((element) => element === document.activeElement);
  for (let stops = 0; stops < 40 && !(await focused()); stops++) await page.keyboard.press("Tab");
  await expect(button).toBeFocused();
  await page.keyboard.press("Enter");
  const { dialog, search } = picker(page);
  await expect(search).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(search).toBeFocused();
  await page.keyboard.type("usdt");
  const option = (name: string) => dialog.getByRole("option", { name: new RegExp(`^${name}`) });
  // The shown market is pointed at first; the arrow keys move, and stop at the ends.
  await expect(option("SOL/USDT")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowDown");
  await expect(option("SOL/USDT")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowUp");
  await expect(option("ETH/USDT")).toHaveAttribute("aria-selected", "true");
  await expect(option("SOL/USDT")).toHaveAttribute("aria-selected", "false");
  await expect(search).toHaveAttribute("aria-activedescendant", /.+/);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/trade/ETH-USDT");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("ETH/USDT");
});

test("the picker's Favourites filter keeps the markets starred on the Markets page", async ({
  page,
}) => {
  await page.goto("/");
  // Live once the page runs: a star clicked before that would not stick.
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  const star = page.getByRole("button", { name: "Favourite ETH-BTC" });
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "true");

  await page.goto("/trade/BTC-USDT");
  await page.getByRole("button", { name: "Switch market, BTC-USDT" }).click();
  const { dialog, search } = picker(page);
  const favourites = dialog.getByRole("button", { name: "Favourites", exact: true });
  await expect.poll(demoOptions(dialog)).toEqual(["BTC/USDT", "ETH/BTC", "ETH/USDT", "SOL/USDT"]);
  await favourites.click();
  await expect(favourites).toHaveAttribute("aria-pressed", "true");
  await expect(dialog.getByRole("option")).toHaveText([/^ETH\/BTC/]);
  await search.fill("sol");
  await expect(dialog.getByText("No markets match “sol” among your favourites.")).toBeVisible();
  await favourites.click();
  await expect.poll(demoOptions(dialog)).toEqual(["SOL/USDT"]);
});

test("the open picker has no serious accessibility violation, light and dark", async ({
  page,
  context,
  baseURL,
}) => {
  // Two axe runs over a live page on a shared 2-core machine.
  test.setTimeout(90_000);
  for (const theme of ["light", "dark"] as const) {
    await useTheme(context, baseURL ?? "", theme);
    await page.goto("/trade/BTC-USDT");
    await page.getByRole("button", { name: "Switch market, BTC-USDT" }).click();
    const { dialog, search } = picker(page);
    await search.fill("bitcoin");
    await expect.poll(demoOptions(dialog)).toEqual(["BTC/USDT", "ETH/BTC"]);
    await expect(dialog.getByTestId("picker-last-ETH-BTC")).toHaveText(/\d/);
    expect(await severeViolations(page), theme).toEqual([]);
  }
});
