import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { callApi, severeViolations, useTheme } from "./page-helpers";
import { openQuietMarket } from "./quiet-market";
import { anonymousClient, openFundedTrader, tradeInsideSpread } from "./traders";

const SYMBOL = "BTC-USDT";

// A market of this file's own for the journeys that read or change its book, and for those
// that need no live demo market beside them: its book is exactly QUIET_BOOK.
const QUIET = "BTC-ETH";
const QUIET_MARKET = {
  baseAsset: "BTC",
  quoteAsset: "ETH",
  tickSize: "0.01",
  lotSize: "0.0001",
  minQuantity: "0.0001",
  maxQuantity: "1000",
  minNotional: "0.01",
  maxPrice: "1000",
};
const QUIET_BOOK = {
  bids: [
    { price: "19.90", quantity: "1.0000" },
    { price: "19.85", quantity: "2.0000" },
    { price: "19.80", quantity: "1.0000" },
  ],
  asks: [
    { price: "20.10", quantity: "1.0000" },
    { price: "20.15", quantity: "2.0000" },
  ],
};

test.beforeAll(async ({ baseURL }) => {
  await openQuietMarket(baseURL ?? "", QUIET_MARKET, QUIET_BOOK);
});

/** The trade page with its chart area on screen (a new server may have no candles yet). */
async function openChart(page: Page, symbol = SYMBOL) {
  await page.goto(`/trade/${symbol}`);
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  const chart = new RegExp(`^${symbol} price in \\w+ candles`);
  await expect(page.getByRole("img", { name: chart })).toBeVisible();
}

/**
 * Two traders trade once inside the spread, so the market has a candle now whatever ran
 * before (the demo market maker only quotes), then the page opens with the readout showing it.
 */
async function openChartWithCandles(page: Page, baseURL: string) {
  const [market] = (await anonymousClient(baseURL).market.list.query()).filter(
    (candidate) => candidate.symbol === SYMBOL,
  );
  if (!market) throw new Error(`no market ${SYMBOL}`);
  const seller = await openFundedTrader(baseURL, { BTC: "1" });
  const buyer = await openFundedTrader(baseURL, { USDT: "100000" });
  await tradeInsideSpread(seller.client, buyer.client, market);
  await openChart(page);
  await expect(readout(page).getByTestId("readout-close")).toHaveText(/^\d+\.\d{2}$/);
}

function readout(page: Page) {
  return page.getByRole("region", { name: "Candle readout" });
}

/** Opens the "Indicators" menu and returns its checkbox group. */
async function openIndicators(page: Page) {
  await page.locator("summary", { hasText: "Indicators" }).click();
  const menu = page.getByRole("group", { name: "Indicators" });
  await expect(menu).toBeVisible();
  return menu;
}

/** Cuts an API decimal to `digits` places, as the page writes it (no locale: en-US). */
const cut = (text: string, digits: number) => {
  const [whole, fraction = ""] = text.split(".");
  return `${whole}.${fraction.padEnd(digits, "0").slice(0, digits)}`;
};

/**
 * Moves the pointer leftwards from the chart's right edge until it is over a candle (a new
 * server has few, all at the right), so the readout follows the cursor.
 */
async function hoverSomeCandle(page: Page) {
  const chart = page.getByRole("img", { name: /BTC-USDT price in 1m candles/ });
  const box = await chart.boundingBox();
  if (!box) throw new Error("the chart has no box");
  const heading = readout(page).getByRole("heading");
  for (let x = box.width - 1; x > 0; x -= 3) {
    await page.mouse.move(box.x + x, box.y + box.height * 0.4);
    if ((await heading.textContent()) === "Candle under the cursor") return;
  }
  throw new Error("no candle under any point of the chart");
}

test("studies and the interval a trader picks are kept for them across a reload", async ({
  signIn,
  page,
  baseURL,
}) => {
  // Three saves and a reload of the whole trade page: on the quiet market, so the demo's
  // stream of book and candle updates does not compete with them for a loaded machine.
  test.setTimeout(60_000);
  await signIn();
  await openChart(page, QUIET);
  const menu = await openIndicators(page);
  await expect(menu.getByRole("checkbox", { name: "Volume" })).toBeChecked();
  for (const name of ["EMA 20", "RSI 14"]) {
    const saved = page.waitForResponse((response) =>
      response.url().includes("account.updatePreferences"),
    );
    await menu.getByRole("checkbox", { name, exact: true }).check();
    expect((await saved).status()).toBe(200);
  }
  const intervalSaved = page.waitForResponse((response) =>
    response.url().includes("account.updatePreferences"),
  );
  await page.getByRole("radio", { name: "5m", exact: true }).check();
  expect((await intervalSaved).status()).toBe(200);
  await expect(
    page.getByRole("img", { name: `${QUIET} price in 5m candles, with Volume, EMA 20, RSI 14` }),
  ).toBeVisible();

  await page.reload();
  await expect(
    page.getByRole("img", { name: /in 5m candles, with Volume, EMA 20, RSI 14$/ }),
  ).toBeVisible();
  await expect(page.getByRole("radio", { name: "5m", exact: true })).toBeChecked();
  const again = await openIndicators(page);
  await expect(again.getByRole("checkbox", { name: "EMA 20" })).toBeChecked();
  await expect(again.getByRole("checkbox", { name: "RSI 14" })).toBeChecked();
  await expect(again.getByRole("checkbox", { name: "MA 20", exact: true })).not.toBeChecked();
  // Kept on the server for the user, not in this browser.
  const preferences = await callApi<{ chart: { indicators: string[]; interval: string } }>(
    page.request,
    baseURL ?? "",
    "account.preferences",
    undefined,
    "query",
  );
  expect(preferences.chart).toEqual({ indicators: ["volume", "ema", "rsi"], interval: "5m" });
});

test("the readout shows the candle under the cursor as market.candles has it", async ({
  page,
  baseURL,
}) => {
  await openChartWithCandles(page, baseURL ?? "");
  await expect(readout(page)).toContainText("Latest candle");
  await hoverSomeCandle(page);

  const api = anonymousClient(baseURL ?? "");
  // The hovered candle may still be forming: compare until one reading agrees.
  await expect(async () => {
    const shownAt = await readout(page).locator("time").getAttribute("datetime");
    const candles = await api.market.candles.query({ symbol: SYMBOL, interval: "1m", limit: 300 });
    const candle = candles.find((item) => item.time.toISOString() === shownAt);
    expect(candle, `a candle at ${shownAt}`).toBeDefined();
    if (!candle) return;
    const shown = async (id: string) => readout(page).getByTestId(`readout-${id}`).textContent();
    expect({
      open: await shown("open"),
      high: await shown("high"),
      low: await shown("low"),
      close: await shown("close"),
      volume: await shown("volume"),
    }).toEqual({
      open: cut(candle.open, 2),
      high: cut(candle.high, 2),
      low: cut(candle.low, 2),
      close: cut(candle.close, 2),
      volume: cut(candle.volume, 4),
    });
  }).toPass({ timeout: 15_000 });
  await expect(readout(page).getByTestId("readout-change")).toHaveText(/^[+-]?\d+\.\d{2}%$/);

  await page.mouse.move(1, 1);
  await expect(readout(page)).toContainText("Latest candle");
});

test("a resting limit order is a labelled line on the chart and marked in the book", async ({
  signIn,
  page,
  baseURL,
}) => {
  await signIn({ ETH: "10" });
  await openChart(page, QUIET);
  // Under the lowest bid of QUIET_BOOK: a level of its own, which only this order makes.
  const price = "19.75";
  const order = await callApi<{ id: string }>(page.request, baseURL ?? "", "orders.place", {
    symbol: QUIET,
    side: "buy",
    type: "limit",
    price,
    quantity: "0.0100",
  });

  await expect(page.getByRole("list", { name: "Your orders on the chart" })).toContainText(
    `Buy 0.0100 BTC at ${price}`,
  );
  const book = page.getByRole("table", { name: "Order book" });
  await expect(book.getByRole("button", { name: `Use price ${price}, your order` })).toBeVisible();
  // A level without an order of the trader's is not marked.
  await expect(book.getByRole("button", { name: "Use price 19.80", exact: true })).toBeVisible();
  await expect(book.getByRole("button", { name: /, your order$/ })).toHaveCount(1);
  // The book is QUIET_BOOK again for the depth chart's journey.
  await callApi(page.request, baseURL ?? "", "orders.cancel", { orderId: order.id });
});

test("the depth chart has a price and an amount axis and reads out the depth under the pointer", async ({
  page,
}) => {
  await openChart(page, QUIET);
  await page.getByRole("button", { name: "Depth chart" }).click();
  // Round steps from the lowest bid (19.80) to the highest ask (20.15), and up to the 4 BTC bid.
  const prices = page.getByRole("list", { name: "Price axis (ETH)" }).getByRole("listitem");
  await expect(prices).toHaveText(["19.8", "19.9", "20.0", "20.1"]);
  const amounts = page
    .getByRole("list", { name: "Cumulative amount axis (BTC)" })
    .getByRole("listitem");
  await expect(amounts).toHaveText(["0", "1", "2", "3", "4"]);

  const plot = page.getByTestId("depth-plot");
  const box = await plot.boundingBox();
  if (!box) throw new Error("the depth chart has no box");
  // A tenth of the way across is 19.835: the bids from 19.90 down to 19.85.
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height / 2);
  await expect(page.getByTestId("depth-readout")).toHaveText(
    "Price 19.85 · 3.0000 BTC bid up to it · total 59.60 ETH",
  );
  // Nine tenths is 20.115: the best ask alone.
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height / 2);
  await expect(page.getByTestId("depth-readout")).toHaveText(
    "Price 20.10 · 1.0000 BTC asked up to it · total 20.10 ETH",
  );
});

for (const theme of ["light", "dark"] as const) {
  test(`the chart, its menu and the depth chart pass axe in the ${theme} theme`, async ({
    signIn,
    page,
    context,
    baseURL,
  }) => {
    // Two axe runs over the whole trade page take a while on a shared 2-core machine.
    test.setTimeout(60_000);
    await useTheme(context, baseURL ?? "", theme);
    await signIn();
    await openChart(page);
    const menu = await openIndicators(page);
    await menu.getByRole("checkbox", { name: "MACD 12, 26, 9" }).check();
    await expect(page.getByRole("img", { name: /with Volume, MACD 12, 26, 9$/ })).toBeVisible();
    expect(await severeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Depth chart" }).click();
    await expect(page.getByRole("list", { name: "Price axis (USDT)" })).toBeVisible();
    expect(await severeViolations(page)).toEqual([]);
  });
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the readout and the indicators menu fit a 390 px screen", async ({ page, baseURL }) => {
    await openChartWithCandles(page, baseURL ?? "");
    const menu = await openIndicators(page);
    await menu.getByRole("checkbox", { name: "Bollinger bands 20, 2" }).check();
    const box = await menu.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
    await expect(readout(page).getByTestId("readout-volume")).toBeVisible();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });
});
