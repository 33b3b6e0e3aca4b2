import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { severeViolations, useTheme } from "./page-helpers";
import { anonymousClient } from "./traders";

const SYMBOL = "BTC-USDT";

/** A price well under the market (inside its 20 % band), where a buy rests without filling. */
async function farBelowMarket(baseURL: string): Promise<string> {
  const ticker = await anonymousClient(baseURL).market.ticker.query({ symbol: SYMBOL });
  const reference = Number(ticker.bestBid ?? ticker.last ?? "65000");
  return Math.floor(reference * 0.9).toFixed(2);
}

/** Where the keyboard is: the focused element's accessible name, as a test reads it. */
function focusedName(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return "";
    const labelled = element.getAttribute("aria-label");
    if (labelled) return labelled;
    const label =
      element instanceof HTMLInputElement || element instanceof HTMLSelectElement
        ? element.labels?.[0]
        : null;
    return (label?.textContent ?? element.textContent ?? "").trim();
  });
}

test("an order placed and cancelled with the keyboard alone", async ({ signIn, page, baseURL }) => {
  await signIn({ USDT: "1000" });
  const price = await farBelowMarket(baseURL ?? "");
  await page.goto(`/trade/${SYMBOL}`);
  const place = page.getByRole("region", { name: "Place order" });
  await expect(place.getByRole("button", { name: "Buy BTC" })).toBeVisible();

  // S then B: the side follows; P and A jump to the fields.
  await page.keyboard.press("s");
  await expect(place.getByRole("radio", { name: "Sell" })).toBeChecked();
  await page.keyboard.press("b");
  await expect(place.getByRole("radio", { name: "Buy" })).toBeChecked();
  await page.keyboard.press("p");
  await expect(place.getByLabel("Price", { exact: true })).toBeFocused();
  await page.keyboard.type(price);
  // In a text field letters are typing, not shortcuts; Escape leaves the field.
  await page.keyboard.press("Escape");
  await page.keyboard.press("a");
  await expect(place.getByLabel("Quantity")).toBeFocused();
  await page.keyboard.type("0.001");
  await expect(place.getByLabel("Price", { exact: true })).toHaveValue(price);
  await page.keyboard.press("Enter");
  const status = place.getByRole("status");
  await expect(status).toContainText(/Buy order \d+ placed/);
  const id = /order (\d+) placed/.exec((await status.textContent()) ?? "")?.[1];

  // Shift+C asks to cancel that order; Enter confirms.
  await page.keyboard.press("Escape");
  await page.keyboard.press("Shift+C");
  const dialog = page.getByRole("dialog", { name: `Cancel order ${id}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Cancel order" })).toBeFocused();
  expect(await severeViolations(page)).toEqual([]);
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Order ${id} cancelled`)).toBeVisible();
  const panel = page.getByRole("region", { name: "Your orders and balances" });
  await expect(panel.getByText("No open orders")).toBeVisible();
});

test("Tab walks the order form in reading order, every stop visibly focused", async ({
  signIn,
  page,
}) => {
  await signIn({ USDT: "1000" });
  await page.goto(`/trade/${SYMBOL}`);
  const place = page.getByRole("region", { name: "Place order" });
  await place.getByRole("radio", { name: "Buy" }).focus();
  const stops: string[] = [];
  for (let step = 0; step < 13; step++) {
    await page.keyboard.press("Tab");
    stops.push(await focusedName(page));
    const outlined = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const own = getComputedStyle(element);
      const frame = element.parentElement ? getComputedStyle(element.parentElement) : own;
      return own.outlineStyle !== "none" || frame.outlineStyle !== "none";
    });
    expect(outlined, `focus visible on ${stops.at(-1)}`).toBe(true);
  }
  expect(stops).toEqual([
    "Order type",
    "Price",
    "Quantity",
    "Total",
    "Use 25% of available USDT",
    "Use 50% of available USDT",
    "Use 75% of available USDT",
    "Max: use all available USDT",
    "Percent of available balance",
    "Time in force",
    "Post-only (maker only)",
    "One-cancels-the-other with",
    "Buy BTC",
  ]);
});

for (const theme of ["light", "dark"] as const) {
  test(`? lists every shortcut in an accessible dialog (${theme})`, async ({
    page,
    context,
    baseURL,
  }) => {
    await useTheme(context, baseURL ?? "", theme);
    await page.goto(`/trade/${SYMBOL}`);
    // Live once the page runs: a key pressed before that has no shortcut listening.
    await expect(page.getByTestId("live-status")).toHaveText("Live");
    await expect(page.getByRole("button", { name: "Keyboard shortcuts" })).toBeVisible();
    await page.keyboard.press("?");
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(dialog).toBeVisible();
    for (const action of [
      "Buy: switch the order form to the buy side",
      "Sell: switch the order form to the sell side",
      "Focus the price",
      "Focus the amount",
      "Cancel your most recent open order in this market",
      "Switch market",
      "Show these shortcuts",
    ]) {
      await expect(dialog.getByRole("row", { name: new RegExp(action) })).toBeVisible();
    }
    expect(await severeViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();

    // M moves to where markets are switched: the market picker where the header has one
    // (it opens as a dialog), else the main navigation's Markets link.
    await page.keyboard.press("m");
    await expect
      .poll(() =>
        page.evaluate(
          () =>
            document.querySelector("dialog[open]") !== null ||
            document.activeElement?.matches('nav[aria-label="Main"] a[href="/"]') === true,
        ),
      )
      .toBe(true);
  });
}
