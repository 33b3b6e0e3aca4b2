import { expect, test } from "./fixtures";
import { callApi } from "./page-helpers";
import { anonymousClient } from "./traders";

// Journeys of several steps against a real server sharing two cores with the market maker.
test.describe.configure({ timeout: 90_000 });

const SYMBOL = "BTC-USDT";

function account(page: import("@playwright/test").Page) {
  return page.getByRole("region", { name: "Your orders and balances" });
}

/** A price well below the market (inside its 20 % band), where a buy rests without filling. */
async function farBelowMarket(baseURL: string): Promise<string> {
  const ticker = await anonymousClient(baseURL).market.ticker.query({ symbol: SYMBOL });
  const bid = Number(ticker.bestBid ?? ticker.last ?? "65000");
  return (Math.floor(bid * 0.9 * 100) / 100).toFixed(2);
}

test("a market symbol typed in lower case leads to the market's own URL", async ({ page }) => {
  const response = await page.goto("/trade/btc-usdt?interval=1m");
  expect(response?.status()).toBe(200);
  await expect(page).toHaveURL(/\/trade\/BTC-USDT\?interval=1m$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("BTC/USDT");
});

test("“Live” gives way while the offline banner shows", async ({ page, context }) => {
  await page.goto(`/trade/${SYMBOL}`);
  const live = page.getByTestId("live-status");
  await expect(live).toHaveText("Live");
  await context.setOffline(true);
  await expect(page.getByText("You are offline.")).toBeVisible();
  await expect(live).toHaveText("Offline: live updates paused");
  await context.setOffline(false);
  await expect(live).toHaveText("Live");
});

test("a market buy that spent its budget reads Filled, with its numbers for people", async ({
  signIn,
  page,
  baseURL,
}) => {
  await signIn({ USDT: "1000" });
  const order = await callApi<{ id: string; status: string; reason: string | null }>(
    page.request,
    baseURL ?? "",
    "orders.place",
    { symbol: SYMBOL, side: "buy", type: "market", quoteQuantity: "200" },
  );
  await page.goto(`/trade/${SYMBOL}`);
  await account(page).getByRole("tab", { name: "Order history" }).click();
  const history = account(page).getByRole("table", { name: "Order history" });
  const row = history.getByRole("row").filter({ hasText: "Market" }).first();
  await expect(row).toContainText("Filled");
  await expect(row).not.toContainText("Expired");
  await expect(row).not.toContainText("quote budget");
  expect(`${order.status} ${order.reason}`).toMatch(/^(filled|expired quote_budget)/);
});

test("order history goes past 50 rows with Load more", async ({ signIn, page, baseURL }) => {
  await signIn({ USDT: "100000" });
  const price = await farBelowMarket(baseURL ?? "");
  // 55 buys that cannot fill: IOC, each ends at once and goes to the history.
  for (let i = 0; i < 55; i += 1) {
    await callApi(page.request, baseURL ?? "", "orders.place", {
      symbol: SYMBOL,
      side: "buy",
      type: "limit",
      price,
      quantity: "0.001",
      timeInForce: "IOC",
    });
  }
  await page.goto(`/trade/${SYMBOL}`);
  // Live once the page runs: a tab clicked before that would not open.
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  await account(page).getByRole("tab", { name: "Order history" }).click();
  const rows = account(page).getByRole("table", { name: "Order history" }).locator("tbody tr");
  await expect(rows).toHaveCount(50);
  await account(page).getByRole("button", { name: "Load more orders" }).click();
  await expect(rows).toHaveCount(55);
  await expect(account(page).getByRole("button", { name: /Load more orders/ })).toHaveCount(0);
});

test("open orders show a trailing stop's delta and trigger, and which orders form an OCO pair", async ({
  signIn,
  page,
  baseURL,
}) => {
  await signIn({ BTC: "1" });
  const origin = baseURL ?? "";
  const ticker = await anonymousClient(origin).market.ticker.query({ symbol: SYMBOL });
  const ask = Number(ticker.bestAsk ?? ticker.last ?? "65000");
  const bid = Number(ticker.bestBid ?? ticker.last ?? "65000");
  const takeProfit = await callApi<{ id: string }>(page.request, origin, "orders.place", {
    symbol: SYMBOL,
    side: "sell",
    type: "limit",
    price: (Math.ceil(ask * 1.1 * 100) / 100).toFixed(2),
    quantity: "0.01",
  });
  const stopLoss = await callApi<{ id: string }>(page.request, origin, "orders.place", {
    symbol: SYMBOL,
    side: "sell",
    type: "stop_market",
    stopPrice: (Math.floor(bid * 0.9 * 100) / 100).toFixed(2),
    quantity: "0.01",
    ocoWith: takeProfit.id,
  });
  const trailing = await callApi<{ id: string }>(page.request, origin, "orders.place", {
    symbol: SYMBOL,
    side: "sell",
    type: "trailing_stop",
    trailingDelta: "250.00",
    quantity: "0.01",
  });
  await page.goto(`/trade/${SYMBOL}`);
  const open = account(page).getByRole("table", { name: `Open orders in ${SYMBOL}` });
  const rowOf = (id: string) =>
    open.getByRole("row").filter({ has: page.getByRole("button", { name: `Cancel order ${id}` }) });
  await expect(rowOf(stopLoss.id)).toContainText(`OCO with order ${takeProfit.id}`);
  await expect(rowOf(takeProfit.id)).toContainText(`OCO with order ${stopLoss.id}`);
  const trailingRow = rowOf(trailing.id);
  await expect(trailingRow).toContainText(/trails by 250\.00 USDT · fires at [\d,]+\.\d\d/);
  // The trigger follows the market maker's prices: the row shows the one the API has now.
  // Shown to the market's 2 price decimals, as the price column: "64763.530000" as "64763.53".
  const shown = (text: string) => text.slice(0, text.indexOf(".") + 3);
  await expect
    .poll(async () => {
      const order = await callApi<{ trailingTrigger: string }>(
        page.request,
        origin,
        "orders.get",
        { orderId: trailing.id },
        "query",
      );
      return (await trailingRow.textContent())?.includes(
        `fires at ${shown(order.trailingTrigger)}`,
      );
    })
    .toBe(true);
});

test.describe("in a German browser", () => {
  test.use({ locale: "de-DE" });

  test("amounts take a decimal comma and numbers read the German way", async ({
    signIn,
    page,
    baseURL,
  }) => {
    await signIn({ USDT: "100000" });
    const price = await farBelowMarket(baseURL ?? "");
    await page.goto(`/trade/${SYMBOL}`);
    // A German browser gets the German terminal (ADR 041); german.spec.ts checks its words.
    const form = page.getByRole("region", { name: "Order platzieren" });
    await form.getByRole("radio", { name: "Kaufen", exact: true }).check();
    await form.getByLabel("Ordertyp").selectOption({ label: "Limit" });
    await form.getByLabel("Preis", { exact: true }).fill(price.replace(".", ","));
    await form.getByLabel("Menge").fill("0,001");
    await expect(form.getByLabel("Menge")).toHaveValue("0,001");
    await form.getByRole("button", { name: "BTC kaufen" }).click();
    const confirmation = form.getByRole("status");
    await expect(confirmation).toContainText(`platziert: 0,001 BTC zu ${price.replace(".", ",")}`);
    const open = page.getByRole("table", { name: `Offene Orders in ${SYMBOL}` });
    await expect(open).toContainText(price.replace(".", ","));
    await expect(open).toContainText("0,0010");

    await page.goto("/portfolio");
    await expect(page.getByTestId("total-value")).toHaveText(/^[\d.]+,\d\d USDT$/);
  });
});
