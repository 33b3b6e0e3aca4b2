import type { Client } from "@cryptotrade/api/client";
import type { Page } from "@playwright/test";

/** A book level as the page shows it: price and amount, exactly as written on screen. */
export type ShownLevel = [price: string, amount: string];

/** The levels in the page's "Order book" table, each side best first. */
export async function readShownBook(
  page: Page,
): Promise<{ asks: ShownLevel[]; bids: ShownLevel[] }> {
  const table = page.getByRole("table", { name: "Order book" });
  const readSide = (side: "ask" | "bid") =>
    table.locator(`tbody[data-side="${side}"] tr:has(button)`).evaluateAll((rows) =>
      rows.map((row) => {
        const cells = row.querySelectorAll("td");
        return [
          cells[0]?.textContent?.trim() ?? "",
          cells[1]?.textContent?.trim() ?? "",
        ] as ShownLevel;
      }),
    );
  const [asksTopDown, bids] = await Promise.all([readSide("ask"), readSide("bid")]);
  return { asks: asksTopDown.reverse(), bids };
}

/** The API's book of a market written as the page writes it (2 price and 4 size digits for BTC-USDT). */
export async function readApiBook(client: Client, symbol: string, depth: number) {
  const book = await client.market.orderBook.query({ symbol, depth });
  const shown = ({ price, quantity }: { price: string; quantity: string }): ShownLevel => [
    truncate(price, 2),
    truncate(quantity, 4),
  ];
  return { asks: book.asks.map(shown), bids: book.bids.map(shown) };
}

function truncate(decimal: string, digits: number) {
  const [whole, fraction = ""] = decimal.split(".");
  return `${whole}.${fraction.slice(0, digits).padEnd(digits, "0")}`;
}
