import { createClient } from "@cryptotrade/api/client";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { severeViolations, useTheme } from "./page-helpers";
import { adminAccount } from "./security-helpers";
import { anonymousClient, openFundedTrader } from "./traders";

// A market of our own, which the demo market maker never quotes (it picks its markets when the
// server starts): its book is exactly what this file puts there.
const QUIET = "SOL-BTC";
// Asks best first: the buy below takes all of the first and 1.50 of the second.
const ASKS = [
  { price: "0.002000", quantity: "1.00" },
  { price: "0.002010", quantity: "2.00" },
  { price: "0.002100", quantity: "5.00" },
];

/** Opens SOL-BTC (an admin call; taker fee 0.20 %, the default) and rests ASKS on its book. */
async function openQuietMarket(url: string) {
  const login = await anonymousClient(url).auth.login.mutate(adminAccount());
  const admin = createClient({ url, token: login.token });
  const markets = await admin.market.list.query();
  if (!markets.some((market) => market.symbol === QUIET)) {
    await admin.admin.createMarket.mutate({
      baseAsset: "SOL",
      quoteAsset: "BTC",
      tickSize: "0.000001",
      lotSize: "0.01",
      minQuantity: "0.01",
      maxQuantity: "100000",
      minNotional: "0.00001",
      maxPrice: "1",
    });
  }
  const { client: maker } = await openFundedTrader(url, { SOL: "100" });
  for (const ask of ASKS) {
    await maker.orders.place.mutate({ symbol: QUIET, side: "sell", type: "limit", ...ask });
  }
}

function form(page: Page) {
  return page.getByRole("region", { name: "Place order" });
}

test.describe("safer entry on a known book", () => {
  test.describe.configure({ mode: "serial", timeout: 60_000 });

  test.beforeAll(async ({ baseURL }) => {
    await openQuietMarket(baseURL ?? "");
  });

  test("a market buy's estimate is the hand computation; it asks first, then no longer once told", async ({
    signIn,
    page,
  }) => {
    await signIn({ BTC: "1" });
    await page.goto(`/trade/${QUIET}`);
    const place = form(page);
    await place.getByLabel("Order type").selectOption({ label: "Market" });
    await place.getByLabel("Quantity").fill("2.5");

    // By hand: 1.00 × 0.002000 + 1.50 × 0.002010 = 0.002 + 0.003015 = 0.005015 BTC;
    // fee 0.20 % = 0.00001003; cost 0.00502503; average 0.005015 / 2.5 = 0.002006;
    // slippage (0.002006 − 0.002000) / 0.002000 = 0.30 %.
    const estimate = place.getByRole("region", { name: "Market order estimate" });
    await expect(estimate).toContainText("Estimated quantity2.50 SOL");
    await expect(estimate).toContainText("Average price0.002006 BTC");
    await expect(estimate).toContainText("Estimated cost0.00502503 BTC");
    await expect(estimate).toContainText("Estimated fee0.00001003 BTC");
    await expect(estimate).toContainText("Slippage0.30%");
    await expect(estimate).not.toContainText("Not enough liquidity");

    // More than the book holds (8 SOL): said before anything is sent.
    await place.getByLabel("Quantity").fill("9");
    await expect(estimate).toContainText(
      "Not enough liquidity in the book: this order would fill only 8.00 SOL",
    );

    await place.getByLabel("Quantity").fill("2.5");
    await place.getByRole("button", { name: "Buy SOL" }).click();
    const dialog = page.getByRole("dialog", { name: "Confirm buy order" });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText("Estimated cost0.00502503 BTC");
    await expect(dialog.getByRole("button", { name: "Confirm" })).toBeFocused();
    expect(await severeViolations(page)).toEqual([]);
    // Escape cancels: nothing is sent, focus is back on the button.
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(place.getByRole("button", { name: "Buy SOL" })).toBeFocused();

    await place.getByRole("button", { name: "Buy SOL" }).click();
    await dialog.getByLabel("Don't ask again for market orders").check();
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(place.getByRole("status")).toContainText(/Buy order \d+ placed: 2\.5 SOL$/);

    // Told not to ask: the next market buy goes straight out, and the setting is kept.
    await expect(estimate).toContainText("Enter an amount");
    await place.getByLabel("Quantity").fill("0.5");
    await expect(estimate).toContainText("Average price0.002010 BTC");
    await place.getByRole("button", { name: "Buy SOL" }).click();
    await expect(place.getByRole("status")).toContainText(/Buy order \d+ placed: 0\.5 SOL$/);
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
