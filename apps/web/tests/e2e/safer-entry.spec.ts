import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { severeViolations, useTheme } from "./page-helpers";
import { openQuietMarket } from "./quiet-market";
import { anonymousClient } from "./traders";

// A market of this file's own (taker fee 0.20 %, the default): its book is exactly ASKS.
const QUIET = {
  baseAsset: "ETH",
  quoteAsset: "SOL",
  tickSize: "0.01",
  lotSize: "0.01",
  minQuantity: "0.01",
  maxQuantity: "10000",
  minNotional: "0.1",
  maxPrice: "1000",
};
// Asks best first: the buy below takes all of the first and 1.50 of the second.
const ASKS = [
  { price: "20.00", quantity: "1.00" },
  { price: "20.10", quantity: "2.00" },
  { price: "21.00", quantity: "5.00" },
];

function form(page: Page) {
  return page.getByRole("region", { name: "Place order" });
}

test.describe("safer entry on a known book", () => {
  test.describe.configure({ mode: "serial", timeout: 60_000 });

  let symbol = "";
  test.beforeAll(async ({ baseURL }) => {
    symbol = await openQuietMarket(baseURL ?? "", QUIET, { asks: ASKS });
  });

  test("a market buy's estimate is the hand computation; it asks first, then no longer once told", async ({
    signIn,
    page,
  }) => {
    await signIn({ SOL: "100" });
    await page.goto(`/trade/${symbol}`);
    // Live once the page runs: an order type chosen before that would be undone by hydration.
    await expect(page.getByTestId("live-status")).toHaveText("Live");
    const place = form(page);
    await place.getByLabel("Order type").selectOption({ label: "Market" });
    await place.getByLabel("Quantity").fill("2.5");

    // By hand: 1.00 × 20.00 + 1.50 × 20.10 = 20 + 30.15 = 50.15 SOL; fee 0.20 % = 0.1003;
    // cost 50.2503; average 50.15 / 2.5 = 20.06; slippage (20.06 − 20.00) / 20.00 = 0.30 %.
    const estimate = place.getByRole("region", { name: "Market order estimate" });
    await expect(estimate).toContainText("Estimated quantity2.50 ETH");
    await expect(estimate).toContainText("Average price20.06 SOL");
    await expect(estimate).toContainText("Estimated cost50.2503 SOL");
    await expect(estimate).toContainText("Estimated fee0.1003 SOL");
    await expect(estimate).toContainText("Slippage0.30%");
    await expect(estimate).not.toContainText("Not enough liquidity");

    // More than the book holds (8 ETH): said before anything is sent.
    await place.getByLabel("Quantity").fill("9");
    await expect(estimate).toContainText(
      "Not enough liquidity in the book: this order would fill only 8.00 ETH",
    );

    await place.getByLabel("Quantity").fill("2.5");
    await place.getByRole("button", { name: "Buy ETH" }).click();
    const dialog = page.getByRole("dialog", { name: "Confirm buy order" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Estimated cost50.2503 SOL");
    await expect(dialog.getByRole("button", { name: "Confirm" })).toBeFocused();
    expect(await severeViolations(page)).toEqual([]);
    // Escape cancels: nothing is sent, focus is back on the button.
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(place.getByRole("button", { name: "Buy ETH" })).toBeFocused();

    await place.getByRole("button", { name: "Buy ETH" }).click();
    await dialog.getByLabel("Don't ask again for market orders").check();
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(place.getByRole("status")).toContainText(/Buy order \d+ placed: 2\.5 ETH$/);

    // Told not to ask: the next market buy goes straight out, and the setting is kept.
    await expect(estimate).toContainText("Enter an amount");
    await place.getByLabel("Quantity").fill("0.5");
    await expect(estimate).toContainText("Average price20.10 SOL");
    await place.getByRole("button", { name: "Buy ETH" }).click();
    await expect(place.getByRole("status")).toContainText(/Buy order \d+ placed: 0\.5 ETH$/);
    await expect(dialog).toHaveCount(0);
    const kept = await page.request.get("/trpc/account.preferences");
    expect((await kept.json()).result.data.json.confirmations).toMatchObject({ market: false });
  });
});

test("50 % fills what the balance buys with the fee; more than it allows offers Reduce to max", async ({
  signIn,
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn({ USDT: "1000" });
  await page.goto("/trade/BTC-USDT");
  // On a phone the order form is a tab of its own.
  await page.getByRole("tab", { name: "Buy / Sell" }).click();
  const place = form(page);
  await place.getByLabel("Price", { exact: true }).fill("50000");
  // 500 USDT less the 0.20 % fee it holds: 500 / 1.002 = 499.001996; / 50000 = 0.00998 → 0.0099
  await place.getByRole("button", { name: "Use 50% of available USDT" }).click();
  await expect(place.getByLabel("Quantity")).toHaveValue("0.0099");
  await expect(place.getByLabel("Total")).toHaveValue("495.00");

  await place.getByRole("radio", { name: "Sell" }).check();
  await expect(place.getByRole("button", { name: "Use 50% of available BTC" })).toBeVisible();
  await place.getByRole("radio", { name: "Buy" }).check();

  await place.getByLabel("Quantity").fill("1");
  await expect(place.getByText("More than your balance allows")).toContainText("0.0199 BTC");
  // 1000 / 1.002 = 998.003992; / 50000 = 0.01996 → 0.0199
  await place.getByRole("button", { name: "Reduce to max" }).click();
  await expect(place.getByLabel("Quantity")).toHaveValue("0.0199");
  await expect(place.getByText("More than your balance allows")).toHaveCount(0);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(390);
});

test("Cancel all asks first, in the dark theme; keeping them keeps them", async ({
  signIn,
  page,
  context,
  baseURL,
}) => {
  await useTheme(context, baseURL ?? "", "dark");
  await signIn({ USDT: "1000" });
  await page.goto("/trade/BTC-USDT");
  await expect(page.locator("html")).toHaveClass("dark");
  const place = form(page);
  const ticker = await anonymousClient(baseURL ?? "").market.ticker.query({ symbol: "BTC-USDT" });
  // Well under the market but inside its 20 % band: the buys rest.
  const under = Math.floor(Number(ticker.bestBid ?? ticker.last ?? "65000") * 0.9);
  for (const price of [String(under), String(under - 1)]) {
    await place.getByLabel("Price", { exact: true }).fill(price);
    await place.getByLabel("Quantity").fill("0.001");
    await place.getByRole("button", { name: "Buy BTC" }).click();
    await expect(place.getByRole("status")).toContainText("placed");
  }
  const panel = page.getByRole("region", { name: "Your orders and balances" });
  await expect(panel.getByRole("tab", { name: /Open orders/ })).toContainText("2");

  await panel.getByRole("button", { name: "Cancel all", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel all open orders in BTC-USDT?" });
  await expect(dialog).toContainText("All 2 of your open orders");
  expect(await severeViolations(page)).toEqual([]);
  await dialog.getByRole("button", { name: "Keep orders" }).click();
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole("button", { name: /^Cancel order/ })).toHaveCount(2);

  await panel.getByRole("button", { name: "Cancel all", exact: true }).click();
  await dialog.getByRole("button", { name: "Cancel all orders" }).click();
  await expect(panel.getByText("2 orders cancelled")).toBeVisible();
  await expect(panel.getByText("No open orders")).toBeVisible();
});
