import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { callApi } from "./page-helpers";
import { anonymousClient } from "./traders";

const SYMBOL = "BTC-USDT";

test.describe.configure({ timeout: 90_000 });

const orderForm = (page: Page) => page.getByRole("region", { name: "Place order" });

/** A price that rests on the book: a little under the best bid. */
async function restingBuyPrice(baseURL: string) {
  const client = anonymousClient(baseURL);
  const ticker = await client.market.ticker.query({ symbol: SYMBOL });
  return (Number(ticker.bestBid ?? ticker.last ?? "65000") * 0.95).toFixed(2);
}

test("an order clicked while offline is refused at once and never sent when the network returns", async ({
  signIn,
  page,
  context,
  baseURL,
}) => {
  await signIn({ USDT: "10000" });
  const origin = baseURL ?? "";
  await page.goto(`/trade/${SYMBOL}`);
  const place = orderForm(page);
  await place.getByRole("radio", { name: "Buy" }).check();
  await place.getByLabel("Order type").selectOption({ label: "Limit" });
  await place.getByLabel("Price", { exact: true }).fill(await restingBuyPrice(origin));
  await place.getByLabel("Quantity").fill("0.001");

  await context.setOffline(true);
  await place.getByRole("button", { name: "Buy BTC" }).click();
  await expect(place.getByRole("alert")).toHaveText(
    "You are offline: the order was not sent. Check your connection and try again.",
  );
  await expect(place.getByRole("status")).not.toContainText("Sending order");

  // Back online, a second order goes out and is answered: had the first been waiting, it
  // would have left when the network returned, before this one.
  await context.setOffline(false);
  await place.getByRole("button", { name: "Buy BTC" }).click();
  await expect(place.getByRole("status")).toContainText("Buy order");
  const open = await callApi<{ items: Array<{ id: string }> }>(
    page.request,
    origin,
    "orders.list",
    { status: "open" },
    "query",
  );
  expect(open.items).toHaveLength(1);
});
