import { expect, test } from "./fixtures";
import { callApi, severeViolations, useTheme } from "./page-helpers";
import { openApiTrader } from "./traders";

// Journeys of several steps against a real server sharing two cores with the market maker.
test.describe.configure({ timeout: 90_000 });

test("signed out, the portfolio sends the trader to sign in and back", async ({ page }) => {
  await page.goto("/portfolio");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fportfolio/);
});

test("a new trader sees the empty state; deposits and a trade move balances, value and P&L live", async ({
  signIn,
  page,
  baseURL,
}) => {
  await signIn();
  const origin = baseURL ?? "";
  await page.goto("/portfolio");
  await expect(page.getByRole("heading", { name: "No balances yet" })).toBeVisible();
  await page.getByRole("link", { name: "Get demo funds" }).click();
  await expect(page).toHaveURL("/wallet");

  const deposit = page.getByRole("region", { name: "Deposit demo funds" });
  await deposit.getByLabel("Asset").selectOption("USDT");
  await deposit.getByLabel("Amount").fill("5000");
  await deposit.getByRole("button", { name: "Get demo funds" }).click();
  await expect(deposit.getByRole("status")).toContainText("Deposited 5000.000000 USDT");

  await page.goto("/portfolio");
  await expect(page.getByTestId("total-value")).toHaveText("5,000.00 USDT");
  const balances = page.getByRole("table", { name: "Your balances, live" });
  await expect(balances.getByRole("row", { name: /^USDT / })).toContainText("5,000.000000");
  await expect(page.getByRole("list", { name: "Allocation by asset" })).toContainText("100.00%");
  await expect(page.getByText("No trades yet")).toBeVisible();

  // Money that arrives while the page is open shows without a reload (portfolio.onBalances).
  await callApi(page.request, origin, "wallet.deposit", { asset: "ETH", amount: "2" });
  await expect(balances.getByRole("row", { name: /^ETH / })).toContainText("2.00000000");
  await expect(page.getByTestId("total-value")).not.toHaveText("5,000.00 USDT");

  // A buy fills (against a seller placed at the best ask, or the demo market maker's better
  // price): BTC appears, and so does its P&L.
  const seller = await openApiTrader(origin, { BTC: "1" });
  const ticker = await seller.market.ticker.query({ symbol: "BTC-USDT" });
  const price = ticker.bestAsk ?? ticker.last ?? "65000.00";
  await seller.orders.place.mutate({
    symbol: "BTC-USDT",
    side: "sell",
    type: "limit",
    price,
    quantity: "0.01",
  });
  const bought = await callApi<{ filledQuantity: string }>(page.request, origin, "orders.place", {
    symbol: "BTC-USDT",
    side: "buy",
    type: "limit",
    price,
    quantity: "0.01",
    timeInForce: "IOC",
  });
  expect(Number(bought.filledQuantity)).toBeGreaterThan(0);
  await expect(balances.getByRole("row", { name: /^BTC / })).toBeVisible();
  const pnl = page.getByRole("table", { name: "Profit and loss per asset, in USDT" });
  await expect(pnl.getByRole("row", { name: /^BTC / })).toBeVisible();
  await expect(page.getByText("How this is worked out")).toBeVisible();

  // The range switch is a labelled radio group.
  const ranges = page.getByRole("group", { name: "Range" });
  await ranges.locator("label", { hasText: "1W" }).click();
  await expect(ranges.getByRole("radio", { name: "1W (last week)" })).toBeChecked();
  // And from the keyboard: arrows move through a native radio group.
  await page.keyboard.press("ArrowRight");
  await expect(ranges.getByRole("radio", { name: "1M (last month)" })).toBeChecked();
  await ranges.locator("label", { hasText: "All" }).click();
  await expect(ranges.getByRole("radio", { name: "All (all time)" })).toBeChecked();
  await expect(page.getByRole("region", { name: "Value over time" })).not.toContainText(
    "could not be loaded",
  );
});

for (const theme of ["light", "dark"] as const) {
  test(`the portfolio has no serious accessibility violation in the ${theme} theme`, async ({
    signIn,
    page,
    context,
    baseURL,
  }, testInfo) => {
    await signIn();
    const origin = baseURL ?? "";
    await useTheme(context, origin, theme);
    await page.goto("/portfolio");
    expect(await severeViolations(page), "empty portfolio").toEqual([]);
    await callApi(page.request, origin, "wallet.deposit", { asset: "USDT", amount: "20000" });
    await callApi(page.request, origin, "wallet.deposit", { asset: "BTC", amount: "0.5" });
    await callApi(page.request, origin, "orders.place", {
      symbol: "ETH-USDT",
      side: "buy",
      type: "market",
      quoteQuantity: "3000",
    });
    await callApi(page.request, origin, "portfolio.snapshot", null);
    await page.goto("/portfolio");
    await expect(page.getByRole("table", { name: "Your balances, live" })).toBeVisible();
    expect(await severeViolations(page), "portfolio with holdings").toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`portfolio-${theme}.png`), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole("heading", { name: "Portfolio", level: 1 })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    await page.screenshot({
      path: testInfo.outputPath(`portfolio-${theme}-390.png`),
      fullPage: true,
    });
  });
}
