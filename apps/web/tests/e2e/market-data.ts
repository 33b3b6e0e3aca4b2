import { randomBytes } from "node:crypto";
import { type Client, createClient } from "@cryptotrade/api/client";
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

/** A client with no credential, sending the exchange's own Origin as a browser would. */
export function anonymousClient(url: string): Client {
  return createClient({ url, headers: { origin: url } });
}

/** A new user, signed in through the typed client and funded from the demo faucet. */
export async function openFundedTrader(url: string, deposits: Record<string, string>) {
  const id = randomBytes(5).toString("hex");
  const { token } = await anonymousClient(url).auth.register.mutate({
    email: `tape-${id}@example.com`,
    username: `tape_${id}`,
    password: `correct horse ${randomBytes(6).toString("hex")} staple`,
  });
  const client = createClient({ url, token });
  for (const [asset, amount] of Object.entries(deposits)) {
    await client.wallet.deposit.mutate({ asset, amount });
  }
  return client;
}
