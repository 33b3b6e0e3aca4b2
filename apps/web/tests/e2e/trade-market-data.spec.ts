import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { startServerProcess } from "@cryptotrade/server/testing/server-process";
import { findFreePort } from "@cryptotrade/testing/free-port";
import { expect, type Page, test } from "@playwright/test";
import { readApiBook, readShownBook } from "./market-data";
import { anonymousClient, openFundedTrader } from "./traders";

const SYMBOL = "BTC-USDT";
const PAGE = `/trade/${SYMBOL}`;

async function openTradePage(page: Page) {
  await page.goto(PAGE);
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  const book = page.getByRole("table", { name: "Order book" });
  await expect(book.getByRole("button", { name: /^Use price \d+\.\d{2}$/ }).first()).toBeVisible();
  return book;
}

test("the book shows the market maker's levels on both sides with the spread between", async ({
  page,
  baseURL,
}) => {
  await openTradePage(page);
  const api = anonymousClient(baseURL ?? "");
  // Both read the same live book; the maker requotes, so compare until one moment agrees.
  await expect(async () => {
    const [shown, expected] = await Promise.all([
      readShownBook(page),
      readApiBook(api, SYMBOL, 12),
    ]);
    expect(shown.asks.length).toBeGreaterThan(0);
    expect(shown.bids.length).toBeGreaterThan(0);
    expect(shown).toEqual(expected);
  }).toPass({ timeout: 15_000 });
  await expect(page.getByTestId("book-spread")).toHaveText(/^Spread \d+\.\d{2} \(<?\d+\.\d{3}%\)$/);
});

test("a level's Use price button is reached by keyboard and hands its price over", async ({
  page,
}) => {
  const book = await openTradePage(page);
  await page.getByLabel("Group prices").focus();
  await page.keyboard.press("Tab");
  const focused = book.getByRole("button", { name: /^Use price / }).first();
  await expect(focused).toBeFocused();
  // Read the focused level's name and press Enter in one go: the maker may requote it away.
  const name = await page.evaluate(() => {
    const button = document.activeElement;
    const label = button?.getAttribute("aria-label") ?? "";
    if (button instanceof HTMLButtonElement) button.click();
    return label;
  });
  const price = name.replace("Use price ", "");
  expect(price).toMatch(/^\d+\.\d{2}$/);
  await expect(page.getByTestId("selected-price")).toHaveText(
    `Price ${price} picked for the order form`,
  );
});

test("grouping prices by 100 ticks puts the book in whole-unit buckets", async ({ page }) => {
  const book = await openTradePage(page);
  await page.getByLabel("Group prices").selectOption({ label: "1.00 (tick ×100)" });
  await expect(book.getByRole("button", { name: /^Use price / }).first()).toHaveAccessibleName(
    /^Use price \d+\.00$/,
  );
  const shown = await readShownBook(page);
  for (const [price] of [...shown.asks, ...shown.bids]) expect(price).toMatch(/\.00$/);
});

test("switching the chart interval loads that interval's candles", async ({ page }) => {
  await openTradePage(page);
  await expect(page.getByRole("img", { name: /in 1m candles/ })).toBeVisible();
  const loaded = page.waitForResponse(
    (response) =>
      response.url().includes("market.candles") &&
      decodeURIComponent(response.url()).includes('"interval":"1h"'),
  );
  await page.getByRole("radio", { name: "1h" }).check();
  expect((await loaded).status()).toBe(200);
  await expect(page.getByRole("radio", { name: "1h" })).toBeChecked();
  await expect(page.getByRole("img", { name: /in 1h candles/ })).toBeVisible();
  await expect(page.locator("canvas").first()).toBeVisible();

  await page.getByRole("button", { name: "Depth chart" }).click();
  await expect(
    page.getByRole("img", { name: /^Depth: .* bid down to .* asked up to / }),
  ).toBeVisible();
});

test("the tape shows a trade between two users as it happens", async ({ page, baseURL }) => {
  const url = baseURL ?? "";
  await openTradePage(page);
  const [{ client: seller }, { client: buyer }] = await Promise.all([
    openFundedTrader(url, { BTC: "1" }),
    openFundedTrader(url, { USDT: "1000" }),
  ]);
  // Inside the spread, so the two orders meet each other rather than the maker's.
  const book = await anonymousClient(url).market.orderBook.query({ symbol: SYMBOL, depth: 1 });
  const mid = (toCents(book.bids[0]?.price) + toCents(book.asks[0]?.price)) / 2n;
  const price = `${mid / 100n}.${String(mid % 100n).padStart(2, "0")}`;
  const order = { symbol: SYMBOL, type: "limit", price, quantity: "0.0017" } as const;
  await seller.orders.place.mutate({ ...order, side: "sell" });
  const bought = await buyer.orders.place.mutate({ ...order, side: "buy" });
  const { items: fills } = await buyer.orders.fills.query({ orderId: bought.id });
  expect(fills.length).toBeGreaterThan(0);

  const tape = page.getByRole("table", { name: "Recent trades" });
  for (const fill of fills) {
    const shownPrice = fill.price.slice(0, fill.price.indexOf(".") + 3);
    const shownAmount = fill.quantity.slice(0, fill.quantity.indexOf(".") + 5);
    await expect(
      tape
        .getByRole("row")
        .filter({ hasText: shownPrice })
        .filter({ hasText: shownAmount })
        .first(),
    ).toBeVisible();
  }
});

/** "65000.123456" → 6500012n: USDT prices in whole cents, the market's tick. */
function toCents(price = "0"): bigint {
  const [whole = "0", fraction = ""] = price.split(".");
  return BigInt(`${whole}${fraction.slice(0, 2).padEnd(2, "0")}`);
}

test("on a tablet the page stacks chart, book, order form, then trades", async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 1024 });
  await openTradePage(page);
  const region = (name: string) => page.getByRole("region", { name, exact: true });
  const table = (name: string) => page.getByRole("table", { name, exact: true });
  const parts = [
    region("Chart"),
    table("Order book"),
    region("Place order"),
    table("Recent trades"),
    region("Your orders and balances"),
  ];
  const order = await Promise.all(
    parts.map(async (part) => (await part.boundingBox())?.y ?? Number.NaN),
  );
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
  await expect(page.getByText("Log in or sign up to trade")).toBeVisible();
});

test("on a 390 px phone each panel shows under the tab bar, above the account panel", async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(PAGE);
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  const top = async (name: string) =>
    (
      await page
        .getByRole(name === "tabs" ? "tablist" : "tabpanel", name === "tabs" ? {} : { name })
        .boundingBox()
    )?.y ?? Number.NaN;
  for (const [tab, panel] of [
    ["Chart", "Chart"],
    ["Book", "Book"],
    ["Trades", "Trades"],
    // The form's tab holds the order form and, for a trader, the price alerts.
    ["Buy / Sell", "Buy / Sell"],
  ] as const) {
    await page.getByRole("tab", { name: tab }).click();
    const account = await page
      .getByRole("region", { name: "Your orders and balances" })
      .boundingBox();
    const order = [await top("tabs"), await top(panel), account?.y ?? Number.NaN];
    expect(
      [...order].sort((a, b) => a - b),
      tab,
    ).toEqual(order);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
  }
  await expect(page.getByText("Log in or sign up to trade")).toBeVisible();
});

for (const theme of ["light", "dark"] as const) {
  test(`the trade page has no serious accessibility violation in the ${theme} theme`, async ({
    page,
    context,
    baseURL,
  }, testInfo) => {
    // Two full axe runs on a busy page, on a machine shared with the server and its bots.
    test.setTimeout(90_000);
    await context.addCookies([{ name: "theme", value: theme, url: baseURL ?? "" }]);
    await openTradePage(page);
    await expect(page.locator("canvas").first()).toBeVisible();
    for (const view of ["Price chart", "Depth chart"]) {
      await page.getByRole("button", { name: view }).click();
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
        .analyze();
      const severe = results.violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => ({ id: violation.id, targets: violation.nodes.map((n) => n.target) }));
      expect(severe, `${view} view in ${theme}`).toEqual([]);
    }
    await page.getByRole("button", { name: "Price chart" }).click();
    await page.screenshot({ path: testInfo.outputPath(`trade-${theme}.png`), fullPage: true });
  });
}

test("after the server restarts the page reconnects by itself and its book is right again", async ({
  page,
}) => {
  test.setTimeout(300_000);
  // A server of this test's own (same port, same data directory across the restart), so the
  // other tests' server never goes away under them.
  const dataDir = await mkdtemp(join(tmpdir(), "cryptotrade-e2e-restart-"));
  const port = await findFreePort();
  const origin = `http://127.0.0.1:${port}`;
  const env = { DATA_DIR: dataDir, DEMO: "true", LOG_LEVEL: "warn", PUBLIC_ORIGIN: origin };
  // Generous: two demo servers share the machine with the other tests.
  const start = () => startServerProcess({ port, env, readyTimeoutMs: 120_000 });
  let server = await start();
  try {
    await page.goto(`${origin}${PAGE}`);
    const status = page.getByTestId("live-status");
    await expect(status).toHaveText("Live", { timeout: 30_000 });
    await expect(page.getByRole("button", { name: /^Use price / }).first()).toBeVisible();

    await server.kill("SIGTERM");
    await expect(status).not.toHaveText("Live");
    server = await start();
    await expect(status).toHaveText("Live", { timeout: 60_000 });

    const api = anonymousClient(origin);
    await expect(async () => {
      const [shown, expected] = await Promise.all([
        readShownBook(page),
        readApiBook(api, SYMBOL, 12),
      ]);
      expect(shown.asks.length + shown.bids.length).toBeGreaterThan(0);
      expect(shown).toEqual(expected);
    }).toPass({ timeout: 30_000 });
  } finally {
    await server.kill("SIGTERM");
    await rm(dataDir, { recursive: true, force: true });
  }
});
