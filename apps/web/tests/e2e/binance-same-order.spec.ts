import { createHmac } from "node:crypto";
import { request } from "@playwright/test";
import { expect, test } from "./fixtures";
import { callApi } from "./page-helpers";
import { anonymousClient } from "./traders";

const SYMBOL = "BTC-USDT";

/**
 * A bot's order through the Binance-compatible API and a person's view of it in the web app
 * are one order: placed by a signed `POST /api/v3/order`, it shows in the trade page's open
 * orders; cancelled from that page, the bot reads it back as CANCELED.
 */
test("an order placed through /api/v3/order is the web app's order, and back", async ({
  signIn,
  page,
  baseURL,
}) => {
  const origin = baseURL ?? "";
  const trader = await signIn({ USDT: "10000" });
  // Making a key is a sensitive change: the session confirms the password first.
  await callApi(page.request, origin, "auth.reauthenticate", { password: trader.password });
  const key = await callApi<{ id: string; secret: string }>(
    page.request,
    origin,
    "account.createApiKey",
    { name: "e2e binance bot", scopes: ["trade"], kind: "hmac" },
  );
  // The bot is a program of its own: no cookie, no Origin.
  const bot = await request.newContext({ baseURL: origin });
  const signed = (params: Record<string, string>) => {
    const query = new URLSearchParams({ ...params, timestamp: String(Date.now()) }).toString();
    const signature = createHmac("sha256", key.secret).update(query).digest("hex");
    return { body: `${query}&signature=${signature}`, headers: { "x-mbx-apikey": key.id } };
  };
  try {
    const ticker = await anonymousClient(origin).market.ticker.query({ symbol: SYMBOL });
    const bid = Number(ticker.bestBid ?? ticker.last ?? "65000");
    // Well below the market (inside its price band), where a buy rests without filling.
    const price = (Math.floor(bid * 0.9 * 100) / 100).toFixed(2);
    const order = signed({
      symbol: "BTCUSDT",
      side: "BUY",
      type: "LIMIT",
      timeInForce: "GTC",
      quantity: "0.01",
      price,
      newOrderRespType: "RESULT",
    });
    const placed = await bot.post("/api/v3/order", {
      headers: { ...order.headers, "content-type": "application/x-www-form-urlencoded" },
      data: order.body,
    });
    expect(placed.status()).toBe(200);
    const { orderId, status } = (await placed.json()) as { orderId: number; status: string };
    expect(status).toBe("NEW");

    await page.goto(`/trade/${SYMBOL}`);
    const account = page.getByRole("region", { name: "Your orders and balances" });
    const open = account.getByRole("table", { name: `Open orders in ${SYMBOL}` });
    const cancel = open.getByRole("button", { name: `Cancel order ${orderId}` });
    await expect(cancel).toBeVisible();
    await cancel.click();
    await expect(cancel).toHaveCount(0);

    await expect
      .poll(async () => {
        const query = signed({ symbol: "BTCUSDT", orderId: String(orderId) });
        const answer = await bot.get(`/api/v3/order?${query.body}`, { headers: query.headers });
        return ((await answer.json()) as { status?: string }).status;
      })
      .toBe("CANCELED");
  } finally {
    await bot.dispose();
  }
});
