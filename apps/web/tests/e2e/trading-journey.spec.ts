import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { expect, signInNewUser, test } from "./fixtures";
import { anonymousClient, openApiTrader } from "./traders";

const SYMBOL = "BTC-USDT";

// What the Balances tab's faucet grants: every trader of these journeys starts with it.
const DEMO_FUNDS = { USDT: "100000", BTC: "2" };

/** Funds the signed-in trader from the trade page's Balances tab, as a person would. */
async function getDemoFundsFromBalancesTab(page: Page) {
  await page.goto(`/trade/${SYMBOL}`);
  // Live once the page runs: a tab clicked before that would not open.
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  await page.getByRole("tab", { name: "Balances" }).click();
  await page.getByRole("button", { name: "Get demo funds" }).click();
  await expect(page.getByText("Added 100000 USDT and 2 BTC (demo funds)")).toBeVisible();
  const balances = page.getByRole("table", { name: "Balances" });
  await expect(balances.getByRole("row", { name: /^USDT/ })).toContainText("100000.000000");
  await expect(balances.getByRole("row", { name: /^BTC/ })).toContainText("2.00000000");
}

/** Another trader, funded, on the trade page in a browser of their own. */
async function openSecondTrader(browser: Browser, baseURL: string) {
  const context = await browser.newContext();
  await signInNewUser(context, baseURL, DEMO_FUNDS);
  const page = await context.newPage();
  await page.goto(`/trade/${SYMBOL}`);
  return { context, page };
}

/** The market's best prices now, as numbers (only to choose prices that will or will not cross). */
async function bestPrices(baseURL: string) {
  const client = anonymousClient(baseURL);
  const ticker = await client.market.ticker.query({ symbol: SYMBOL });
  const bid = Number(ticker.bestBid ?? ticker.last ?? "65000");
  const ask = Number(ticker.bestAsk ?? ticker.last ?? "65000");
  return { bid, ask, last: Number(ticker.last ?? bid) };
}

function form(page: Page) {
  return page.getByRole("region", { name: "Place order" });
}

function account(page: Page) {
  return page.getByRole("region", { name: "Your orders and balances" });
}

async function placeOrder(
  page: Page,
  order: {
    side: "Buy" | "Sell";
    type?: string;
    price?: string;
    stopPrice?: string;
    quantity: string;
    timeInForce?: string;
  },
) {
  // Live once the page runs: a choice made in the form before that would be undone by hydration.
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  const place = form(page);
  await place.getByRole("radio", { name: order.side }).check();
  await place.getByLabel("Order type").selectOption({ label: order.type ?? "Limit" });
  if (order.stopPrice) await place.getByLabel("Stop price").fill(order.stopPrice);
  if (order.price) await place.getByLabel("Price", { exact: true }).fill(order.price);
  await place.getByLabel("Quantity").fill(order.quantity);
  if (order.timeInForce) await place.getByLabel("Time in force").selectOption(order.timeInForce);
  await place.getByRole("button", { name: `${order.side} BTC` }).click();
  // Every kind but limit orders asks first, by default (account.preferences' confirmations).
  if (order.type && order.type !== "Limit") {
    const confirm = page.getByRole("dialog", { name: `Confirm ${order.side.toLowerCase()} order` });
    await confirm.getByRole("button", { name: "Confirm" }).click();
  }
  const confirmation = place.getByRole("status");
  await expect(confirmation).toContainText(`${order.side} order`);
  const id = /order (\d+) placed/.exec((await confirmation.textContent()) ?? "")?.[1];
  if (!id) throw new Error("no order id in the confirmation");
  return id;
}

test.describe("trading journey", () => {
  test.describe.configure({ timeout: 90_000 });

  test("limit buy from the form, another trader sells into it, then amend and cancel", async ({
    signIn,
    page,
    browser,
    baseURL,
  }) => {
    await signIn();
    await getDemoFundsFromBalancesTab(page);
    const { bid } = await bestPrices(baseURL ?? "");
    // Half a percent under the best bid: below the demo market maker's six bid levels, so
    // nothing crosses it, and close enough to stay among the book's twelve shown levels while
    // other journeys leave bids of their own further down.
    const price = Math.floor(bid * 0.995).toFixed(2);
    const orderId = await placeOrder(page, { side: "Buy", price, quantity: "0.5" });

    const panel = account(page);
    await panel.getByRole("tab", { name: /Open orders/ }).click();
    const row = panel
      .getByRole("row")
      .filter({ has: page.getByRole("button", { name: `Cancel order ${orderId}` }) });
    await expect(row).toContainText(price);
    await expect(row).toContainText("Open");
    const book = page.getByRole("table", { name: "Order book" });
    await expect(book.getByRole("button", { name: `Use price ${price}` })).toBeVisible();

    // Bob sells 0.45 BTC down to Alice's price: the market maker's bids (well under 0.45 BTC
    // in all) go first, the rest fills Alice's order in part.
    const bob = await openSecondTrader(browser, baseURL ?? "");
    await placeOrder(bob.page, { side: "Sell", price, quantity: "0.45", timeInForce: "IOC" });

    await expect(panel.getByTestId("latest-fill")).toContainText(
      new RegExp(`Filled [0-9.]+ BTC at ${price}`),
    );
    await expect(row).toContainText("Partially filled");
    await panel.getByRole("tab", { name: "Fills" }).click();
    await expect(panel.getByRole("table", { name: "Fills" })).toContainText(price);
    await panel.getByRole("tab", { name: "Balances" }).click();
    await expect(
      panel.getByRole("table", { name: "Balances" }).getByRole("row", { name: /^BTC/ }),
    ).not.toContainText("2.00000000");

    // Amend: a lower price (it loses its place, and moves in the book).
    await panel.getByRole("tab", { name: /Open orders/ }).click();
    const lower = (Number(price) - 100).toFixed(2);
    await panel.getByRole("button", { name: `Amend order ${orderId}` }).click();
    const dialog = page.getByRole("dialog", { name: `Amend order ${orderId}` });
    await dialog.getByLabel("Price").fill(lower);
    await dialog.getByRole("button", { name: "Save changes" }).click();
    await expect(dialog).toBeHidden();
    await expect(row).toContainText(lower);
    await expect(book.getByRole("button", { name: `Use price ${lower}` })).toBeVisible();
    await expect(book.getByRole("button", { name: `Use price ${price}` })).toBeHidden();

    // Cancel the rest: the order leaves open orders, its hold comes back.
    await panel.getByRole("button", { name: `Cancel order ${orderId}` }).click();
    await expect(panel.getByText("No open orders")).toBeVisible();
    await panel.getByRole("tab", { name: "Order history" }).click();
    await expect(panel.getByRole("table", { name: "Order history" })).toContainText("Cancelled");
    await panel.getByRole("tab", { name: "Balances" }).click();
    await expect(
      panel.getByRole("table", { name: "Balances" }).getByRole("row", { name: /^USDT/ }),
    ).toContainText("0.000000");
    await bob.context.close();
  });

  test("a stop order triggers when the price crosses its stop", async ({
    signIn,
    page,
    baseURL,
  }) => {
    await signIn(DEMO_FUNDS);
    const origin = baseURL ?? "";
    await page.goto(`/trade/${SYMBOL}`);
    const buyer = await openApiTrader(origin, { USDT: "100000" });
    // Between the best ask and the next: the demo traders' own trades at the best ask leave it
    // untriggered, and the buyer below sweeps past it.
    const { asks } = await buyer.market.orderBook.query({ symbol: SYMBOL, depth: 5 });
    const [best, next] = asks.map((level) => Number(level.price));
    if (best === undefined || next === undefined) throw new Error("the market maker has no asks");
    const stopPrice = ((best + next) / 2).toFixed(2);
    const orderId = await placeOrder(page, {
      side: "Buy",
      type: "Stop-market",
      stopPrice,
      quantity: "0.001",
    });
    const panel = account(page);
    await panel.getByRole("tab", { name: /Open orders/ }).click();
    const row = panel
      .getByRole("row")
      .filter({ has: page.getByRole("button", { name: `Cancel order ${orderId}` }) });
    await expect(row).toContainText("Untriggered");

    // Someone buys through the best ask into the next level: the last price passes the stop.
    await expect(async () => {
      const book = await buyer.market.orderBook.query({ symbol: SYMBOL, depth: 5 });
      const [first, second] = book.asks;
      if (first && second) {
        const quantity = (Number(first.quantity) + 0.0001).toFixed(4);
        await buyer.orders.place.mutate({
          symbol: SYMBOL,
          side: "buy",
          type: "limit",
          price: second.price,
          quantity,
          timeInForce: "IOC",
        });
      }
      await expect(panel.getByTestId("latest-fill")).toContainText("Filled 0.001 BTC at", {
        timeout: 2_000,
      });
    }).toPass({ timeout: 30_000 });
    await expect(panel.getByText("No open orders")).toBeVisible();
  });

  test("bad input shows the error at its field and places nothing", async ({
    signIn,
    page,
    baseURL,
  }) => {
    await signIn(DEMO_FUNDS);
    await page.goto(`/trade/${SYMBOL}`);
    // Live once the page runs: what is typed before that would be undone by hydration.
    await expect(page.getByTestId("live-status")).toHaveText("Live");
    const place = form(page);
    await place.getByLabel("Price", { exact: true }).fill("65000.005");
    await place.getByLabel("Quantity").fill("0.00001");
    await place.getByRole("button", { name: "Buy BTC" }).click();
    const priceInput = place.getByLabel("Price", { exact: true });
    await expect(priceInput).toHaveAttribute("aria-invalid", "true");
    await expect(priceInput).toHaveAccessibleDescription(/multiple of the tick size 0\.01/);
    await expect(place.getByLabel("Quantity")).toHaveAccessibleDescription(
      /multiple of the lot size 0\.0001/,
    );
    await expect(priceInput).toBeFocused();

    // The exchange's own refusal lands at its field too: a post-only buy above the best ask.
    const { ask } = await bestPrices(baseURL ?? "");
    await priceInput.fill((Math.ceil(ask) + 50).toFixed(2));
    await place.getByLabel("Quantity").fill("0.001");
    await place.getByLabel("Post-only (maker only)").check();
    await place.getByRole("button", { name: "Buy BTC" }).click();
    await expect(place.getByLabel("Post-only (maker only)")).toHaveAccessibleDescription(
      /would trade immediately/,
    );

    const panel = account(page);
    await panel.getByRole("tab", { name: /Open orders/ }).click();
    await expect(panel.getByText("No open orders")).toBeVisible();
    await panel.getByRole("tab", { name: "Order history" }).click();
    await expect(panel.getByText("No past orders")).toBeVisible();
  });

  test("the signed-in trade page has no serious or critical axe violation, light and dark", async ({
    signIn,
    page,
    context,
    baseURL,
  }) => {
    await signIn(DEMO_FUNDS);
    await page.goto(`/trade/${SYMBOL}`);
    await placeOrder(page, { side: "Buy", price: "55000.00", quantity: "0.01" });
    await account(page)
      .getByRole("tab", { name: /Open orders/ })
      .click();
    for (const theme of ["light", "dark"] as const) {
      await context.addCookies([{ name: "theme", value: theme, url: baseURL ?? "" }]);
      await page.reload();
      await expect(account(page).getByRole("button", { name: /^Cancel order/ })).toBeVisible();
      const results = await new AxeBuilder({ page: page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
        .analyze();
      const severe = results.violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => ({
          id: violation.id,
          targets: violation.nodes.map((n) => n.target.join(" ")),
        }));
      expect(severe, theme).toEqual([]);
    }
  });
});
