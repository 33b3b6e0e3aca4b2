import { readFile } from "node:fs/promises";
import type { RouterOutputs } from "@cryptotrade/api/client";
import type { Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { expect, test } from "./fixtures";
import { callApi, severeViolations, useTheme } from "./page-helpers";
import { anonymousClient } from "./traders";

type Market = RouterOutputs["market"]["list"][number];
type Fill = RouterOutputs["orders"]["fills"]["items"][number];

/** "30,000.00" or "0.00170000" → its digits as an integer and how many of them are decimals. */
function toUnits(text: string): { units: bigint; decimals: number } {
  const [whole = "", fraction = ""] = text.replace(/,/g, "").split(".");
  return { units: BigInt(`${whole}${fraction}`), decimals: fraction.length };
}

/** Price × quantity by hand, exactly, written with `decimals` decimals (the quote asset's). */
function handTotal(price: string, quantity: string, decimals: number): string {
  const p = toUnits(price);
  const q = toUnits(quantity);
  const scale = BigInt(p.decimals + q.decimals - decimals);
  const units = (p.units * q.units) / 10n ** scale;
  const text = units.toString().padStart(decimals + 1, "0");
  return `${text.slice(0, -decimals)}.${text.slice(-decimals)}`;
}

/** The smallest market order a market takes twice over: enough lots to pass its minimums. */
async function smallQuantity(origin: string, market: Market): Promise<string> {
  const ticker = await anonymousClient(origin).market.ticker.query({ symbol: market.symbol });
  const price = Number(ticker.bestAsk ?? ticker.last ?? "0");
  const lot = Number(market.lotSize);
  const size = Math.max(Number(market.minQuantity), (Number(market.minNotional) * 2) / price);
  return (Math.ceil(size / lot) * lot).toFixed(market.quantityDecimals);
}

/** Market orders placed through the API with the page's session, as the trader's own. */
async function trade(
  page: Page,
  origin: string,
  symbol: string,
  side: "buy" | "sell",
  quantity: string,
) {
  await callApi(page.request, origin, "orders.place", { symbol, side, type: "market", quantity });
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
}

test("a trader finds their fills of one market and side, checks the totals, and exports them", async ({
  signIn,
  page,
  context,
  baseURL,
}, testInfo) => {
  test.setTimeout(90_000);
  const origin = baseURL ?? "";
  await useTheme(context, origin, "light");
  await signIn({ USDT: "100000" });
  const markets = await anonymousClient(origin).market.list.query();
  const btc = markets.find((m) => m.symbol === "BTC-USDT");
  const eth = markets.find((m) => m.symbol === "ETH-USDT");
  if (!btc || !eth) throw new Error("the demo markets BTC-USDT and ETH-USDT are missing");
  const [btcSize, ethSize] = [await smallQuantity(origin, btc), await smallQuantity(origin, eth)];
  // More buys on BTC-USDT than a page holds, and a sell and ETH buys the filters must leave out.
  for (let i = 0; i < 22; i++) await trade(page, origin, "BTC-USDT", "buy", btcSize);
  await trade(page, origin, "BTC-USDT", "sell", btcSize);
  for (let i = 0; i < 2; i++) await trade(page, origin, "ETH-USDT", "buy", ethSize);
  const expected = (
    await callApi<{ items: Fill[] }>(
      page.request,
      origin,
      "orders.fills",
      { symbol: "BTC-USDT", side: "buy", limit: 500 },
      "query",
    )
  ).items;
  expect(expected.length).toBeGreaterThan(20);

  await page.goto("/");
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Orders" })
    .click();
  await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
  await expect(page).toHaveTitle(/Orders/);
  const tabs = page.getByRole("tablist", { name: "Orders and transfers" });
  await tabs.getByRole("tab", { name: "Fills" }).click();
  await expect(tabs.getByRole("tab", { name: "Fills" })).toHaveAttribute("aria-selected", "true");
  const filters = page.getByRole("search", { name: "Filter fills" });
  await filters.getByLabel("Market").selectOption("BTC-USDT");
  await filters.getByLabel("Side").selectOption("buy");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/market=BTC-USDT/);

  const table = page.getByRole("table", { name: "Fills, newest first" });
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(20);
  const headings = await table.locator("thead th").allInnerTexts();
  const column = (name: string) => headings.indexOf(name);
  expect(column("Total")).toBeGreaterThan(-1);
  for (const row of await rows.all()) {
    const cells = await row.locator("td").allInnerTexts();
    expect(cells[column("Market")]).toBe("BTC-USDT");
    expect(cells[column("Side")]).toContain("Buy");
    const price = cells[column("Price")] ?? "";
    const quantity = (cells[column("Quantity")] ?? "").replace(" BTC", "");
    expect(cells[column("Total")]).toBe(`${handTotal(price, quantity, 6)} USDT`);
    expect(cells[column("Fee")]).toMatch(/^\d+\.\d{6} USDT$/);
  }
  const newest = expected[0];
  await expect(rows.first().locator("td").nth(column("Total"))).toHaveText(
    `${newest?.quoteQuantity} USDT`,
  );

  await page.getByRole("button", { name: "Load more fills" }).click();
  await expect(rows).toHaveCount(Math.min(expected.length, 40));
  expect(await severeViolations(page), "filtered fills, two pages").toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("orders-fills-light.png"), fullPage: true });

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export fills as CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("fills.csv");
  const csv: Array<Record<string, string>> = parse(await readFile(await download.path(), "utf8"), {
    columns: true,
  });
  expect(csv.map((row) => row.trade_id)).toEqual(expected.map((fill) => fill.id));
  for (const row of csv) {
    expect(row).toMatchObject({ market: "BTC-USDT", side: "buy", fee_asset: "USDT" });
    expect(row.total).toBe(handTotal(row.price ?? "", row.quantity ?? "", 6));
    expect(row.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(["maker", "taker"]).toContain(row.liquidity);
  }

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
  await expectNoSidewaysScroll(page);
  await page.screenshot({ path: testInfo.outputPath("orders-fills-390.png"), fullPage: true });
});

test("open orders of every market are cancelled by name, in the dark theme and on a phone", async ({
  signIn,
  page,
  context,
  baseURL,
}, testInfo) => {
  const origin = baseURL ?? "";
  await useTheme(context, origin, "dark");
  await signIn({ USDT: "10000" });
  const placed = [];
  for (const [symbol, price] of [
    ["BTC-USDT", "0.9"],
    ["ETH-USDT", "0.9"],
  ] as const) {
    const ticker = await anonymousClient(origin).market.ticker.query({ symbol });
    const below = (Number(ticker.bestBid ?? ticker.last ?? "0") * Number(price)).toFixed(2);
    placed.push(
      await callApi<{ id: string }>(page.request, origin, "orders.place", {
        symbol,
        side: "buy",
        type: "limit",
        price: below,
        quantity: symbol === "BTC-USDT" ? "0.001" : "0.01",
      }),
    );
  }
  await page.goto("/orders");
  const table = page.getByRole("table", { name: "Open orders, newest first" });
  await expect(table.locator("tbody tr")).toHaveCount(2);
  expect(await severeViolations(page), "open orders, dark").toEqual([]);
  await page.screenshot({ path: testInfo.outputPath("orders-open-dark.png"), fullPage: true });
  await page.getByRole("button", { name: `Cancel order ${placed[0]?.id}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "cancelled" })).toHaveText(
    `Order ${placed[0]?.id} cancelled`,
  );
  await expect(table.locator("tbody tr")).toHaveCount(1);

  const tabs = page.getByRole("tablist", { name: "Orders and transfers" });
  await tabs.getByRole("tab", { name: "Order history" }).click();
  await expect(page.getByRole("table", { name: "Order history, newest first" })).toContainText(
    "Cancelled",
  );
  await tabs.getByRole("tab", { name: "Transfers" }).click();
  await expect(page.getByRole("table", { name: "Transactions, newest first" })).toContainText(
    "10,000",
  );
  expect(await severeViolations(page), "transfers, dark").toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSidewaysScroll(page);
  await page.screenshot({
    path: testInfo.outputPath("orders-transfers-dark-390.png"),
    fullPage: true,
  });
});
