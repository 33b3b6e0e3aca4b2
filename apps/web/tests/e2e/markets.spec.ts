import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { openApiTrader, tradeInsideSpread } from "./traders";

test("the home page lists the markets and links to their trade pages", async ({ page }) => {
  await page.goto("/");
  const table = page.getByRole("table", { name: "Markets" });
  const btc = table.getByRole("link", { name: "BTC-USDT" });
  await expect(btc).toBeVisible();
  await expect(table.getByRole("columnheader", { name: "Last price" })).toBeVisible();
  await btc.click();
  await expect(page).toHaveURL("/trade/BTC-USDT");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("BTC/USDT");
  await expect(page.getByText("Last price (USDT)")).toBeVisible();
  // The ticker subscription runs over the page's WebSocket.
  await expect(page.getByTestId("live-status")).toHaveText("Live");
});

test("an unknown market and an unknown page answer 404 with a way back", async ({ page }) => {
  const market = await page.goto("/trade/NOPE-USDT");
  expect(market?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  const nowhere = await page.goto("/no/such/page");
  expect(nowhere?.status()).toBe(404);
  expect(nowhere?.headers()["content-type"]).toContain("text/html");
  await page.getByRole("link", { name: "See every market" }).click();
  await expect(page.getByRole("table", { name: "Markets" })).toBeVisible();
});

test("pages carry a strict script policy with a fresh nonce", async ({ page }) => {
  const first = await page.goto("/");
  const second = await page.goto("/");
  const policy = (response: typeof first) => response?.headers()["content-security-policy"] ?? "";
  const nonce = (response: typeof first) => policy(response).match(/'nonce-([^']+)'/)?.[1];
  expect(policy(first)).toMatch(/script-src 'nonce-[^']+' 'self'/);
  expect(policy(first)).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(nonce(first)).toBeDefined();
  expect(nonce(first)).not.toBe(nonce(second));
});

test("built files are cached for a year", async ({ request }) => {
  const html = await (await request.get("/")).text();
  const script = html.match(/href="(\/assets\/[^"]+\.js)"/)?.[1];
  expect(script).toBeDefined();
  const response = await request.get(script ?? "");
  expect(response.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
});

test("pages hydrate with no console error (no CSP violation, no script error)", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  for (const path of ["/", "/trade/BTC-USDT", "/login", "/signup"]) {
    await page.goto(path);
    // Hydrated: the theme switch works without a page load.
    await page.getByRole("group", { name: "Theme" }).getByRole("button", { name: "Dark" }).click();
    await expect(page.locator("html")).toHaveClass("dark");
    await page
      .getByRole("group", { name: "Theme" })
      .getByRole("button", { name: "System" })
      .click();
    await expect(page.locator("html")).not.toHaveClass("dark");
  }
  expect(errors).toEqual([]);
});

test("the search box narrows the markets as you type, with an empty state", async ({ page }) => {
  await page.goto("/");
  const table = page.getByRole("table", { name: "Markets" });
  const search = page.getByRole("searchbox", { name: "Search markets" });
  await expect(table.getByRole("link", { name: "ETH-USDT" })).toBeVisible();
  await search.fill("sol");
  await expect(table.getByRole("link", { name: "SOL-USDT" })).toBeVisible();
  await expect(table.getByRole("link", { name: "BTC-USDT" })).toBeHidden();
  await expect(table.getByRole("link", { name: "ETH-USDT" })).toBeHidden();
  await search.fill("eth/");
  await expect(table.getByRole("link", { name: "ETH-USDT" })).toBeVisible();
  await expect(table.getByRole("link", { name: "ETH-BTC" })).toBeVisible();
  await expect(table.getByRole("link", { name: "SOL-USDT" })).toBeHidden();
  await search.fill("doge");
  await expect(page.getByText("No markets match “doge”")).toBeVisible();
  await search.fill("");
  await expect(table.getByRole("link", { name: "BTC-USDT" })).toBeVisible();
  await expect(page.getByText(/No markets match/)).toBeHidden();
});

test("the search finds markets by their assets' names as well as tickers", async ({ page }) => {
  await page.goto("/");
  // Live once the page runs: a search typed before that would be undone by hydration.
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  const table = page.getByRole("table", { name: "Markets" });
  const search = page.getByRole("searchbox", { name: "Search markets" });
  // Other journeys open markets of their own on the shared server: count the demo's alone.
  const demo = ["BTC-USDT", "ETH-BTC", "ETH-USDT", "SOL-USDT"];
  const demoShown = async () =>
    (await table.getByRole("link").allTextContents()).filter((name) => demo.includes(name.trim()));
  await search.fill("bitcoin");
  await expect.poll(demoShown).toEqual(["BTC-USDT", "ETH-BTC"]);
  await search.fill("ether");
  await expect.poll(demoShown).toEqual(["ETH-BTC", "ETH-USDT"]);
  await search.fill("solana");
  await expect.poll(demoShown).toEqual(["SOL-USDT"]);
});

test("a column header sorts the markets, kept in the address, light and dark", async ({
  page,
  context,
  baseURL,
}) => {
  await page.goto("/");
  // Live once the page runs: a header clicked before that would not sort.
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  const table = page.getByRole("table", { name: "Markets" });
  const header = table.getByRole("columnheader", { name: "Last price" });
  const sortByPrice = header.getByRole("button", { name: "Last price" });
  await expect(header).not.toHaveAttribute("aria-sort");

  await sortByPrice.click();
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  await expect(page).toHaveURL("/?sort=price&dir=asc");
  await expect.poll(() => shownPrices(page)).toEqual([...(await shownPrices(page))].sort(byNumber));

  await sortByPrice.click();
  await expect(header).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL("/?sort=price&dir=desc");
  await expect
    .poll(() => shownPrices(page))
    .toEqual([...(await shownPrices(page))].sort(byNumber).reverse());

  // Another column takes the sort; the address keeps it across a reload.
  const change = table.getByRole("columnheader", { name: "24h change" });
  await change.getByRole("button").click();
  await expect(change).toHaveAttribute("aria-sort", "ascending");
  await expect(header).not.toHaveAttribute("aria-sort");
  const market = table.getByRole("columnheader", { name: "Market" });
  await market.getByRole("button").click();
  await expect(market).toHaveAttribute("aria-sort", "ascending");
  await market.getByRole("button").click();
  await expect(page).toHaveURL("/?sort=name&dir=desc");
  await page.reload();
  await expect(market).toHaveAttribute("aria-sort", "descending");
  // Other journeys open markets of their own on the shared server: the demo's are counted alone.
  const demo = ["BTC-USDT", "ETH-BTC", "ETH-USDT", "SOL-USDT"];
  await expect
    .poll(async () =>
      (await table.getByRole("link").allTextContents()).filter((name) =>
        demo.includes(name.trim()),
      ),
    )
    .toEqual(["SOL-USDT", "ETH-USDT", "ETH-BTC", "BTC-USDT"]);

  for (const theme of ["light", "dark"] as const) {
    await context.addCookies([{ name: "theme", value: theme, url: baseURL ?? "" }]);
    await page.goto("/?sort=volume&dir=desc");
    await expect(page.getByTestId("live-status")).toHaveText("Live");
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
      .analyze();
    const severe = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target).join(", ")}`);
    expect(severe, theme).toEqual([]);
  }
});

/** The last prices in the order the table shows them, as numbers (for an order check only). */
/** The last prices shown, top to bottom; a market that never traded (other journeys open some) has none. */
async function shownPrices(page: import("@playwright/test").Page): Promise<number[]> {
  const cells = await page.getByTestId(/^last-/).allTextContents();
  return cells.map((text) => Number(text.replace(/,/g, ""))).filter(Number.isFinite);
}

const byNumber = (a: number, b: number) => a - b;

test("a starred market stays a favourite across reloads and filters the list", async ({ page }) => {
  await page.goto("/");
  const table = page.getByRole("table", { name: "Markets" });
  const star = table.getByRole("button", { name: "Favourite ETH-BTC" });
  await expect(star).toHaveAttribute("aria-pressed", "false");
  await star.click();
  await expect(star).toHaveAttribute("aria-pressed", "true");

  await page.reload();
  await expect(star).toHaveAttribute("aria-pressed", "true");
  await expect(table.getByRole("button", { name: "Favourite BTC-USDT" })).toHaveAttribute(
    "aria-pressed",
    "false",
  );
  const favourites = page.getByRole("button", { name: "Favourites", exact: true });
  await favourites.click();
  await expect(favourites).toHaveAttribute("aria-pressed", "true");
  await expect(table.getByRole("link", { name: "ETH-BTC" })).toBeVisible();
  await expect(table.getByRole("link", { name: "BTC-USDT" })).toBeHidden();

  await star.click();
  await expect(page.getByText("No favourite markets yet")).toBeVisible();
  await favourites.click();
  await expect(table.getByRole("link", { name: "BTC-USDT" })).toBeVisible();
});

test("a trade placed through the API moves the last price without a reload", async ({
  page,
  baseURL,
}) => {
  const url = baseURL ?? "";
  const [seller, buyer] = await Promise.all([
    openApiTrader(url, { SOL: "1000" }),
    openApiTrader(url, { USDT: "1000000" }),
  ]);
  const markets = await seller.market.list.query();
  const sol = markets.find((market) => market.symbol === "SOL-USDT");
  if (!sol) throw new Error("the demo has no SOL-USDT market");

  await page.goto("/");
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  const navigations: string[] = [];
  page.on("framenavigated", (frame) => navigations.push(frame.url()));
  const lastPrice = page
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name: "SOL-USDT", exact: true }) })
    .getByRole("cell")
    .nth(1);
  // The demo market maker trades too and the ticker stream sends at most two updates a second,
  // so its trade may replace ours before the page shows it: trade again until ours shows.
  await expect(async () => {
    const { filledAt } = await tradeInsideSpread(seller, buyer, sol);
    await seller.orders.cancelAll.mutate({ symbol: sol.symbol });
    if (filledAt === null) throw new Error("the buy did not fill");
    await expect(lastPrice).toHaveText(formatPrice(filledAt, sol.priceDecimals), {
      timeout: 3_000,
    });
  }).toPass({ timeout: 25_000 });
  expect(navigations).toEqual([]);
});

test("the markets page has no serious accessibility violation, light and dark", async ({
  page,
  context,
  baseURL,
}) => {
  for (const theme of ["light", "dark"] as const) {
    await context.addCookies([{ name: "theme", value: theme, url: baseURL ?? "" }]);
    await page.goto("/");
    await expect(page.getByTestId("live-status")).toHaveText("Live");
    await page.getByRole("button", { name: "Favourite BTC-USDT" }).click();
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
      .analyze();
    const severe = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id}: ${violation.nodes.map((n) => n.target).join(", ")}`);
    expect(severe, theme).toEqual([]);
  }
});

/** A price as the page writes it: the market's decimals, thousands grouped. */
function formatPrice(price: string, decimals: number): string {
  return Number(price).toLocaleString("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  });
}
