import { expect, test } from "@playwright/test";

test("the API reference renders from this server alone, under the strict content policy", async ({
  page,
  baseURL,
}) => {
  const elsewhere: string[] = [];
  const refusedByPolicy: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(baseURL ?? "") && !url.startsWith("data:")) elsewhere.push(url);
  });
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refusedByPolicy.push(message.text());
  });
  const response = await page.goto("/api/docs");
  expect(response?.headers()["content-security-policy"]).not.toMatch(/unsafe-eval/);
  // Scalar's viewer, fed /api/docs/openapi.json: the endpoints by their Binance summaries.
  await expect(
    page.getByRole("heading", { name: "CryptoTrade: Binance-compatible spot API" }),
  ).toBeVisible();
  await page.getByText("Order book", { exact: true }).first().click();
  await expect(page.getByText("/api/v3/depth").first()).toBeVisible();
  await expect(page.getByText("X-MBX-APIKEY").first()).toBeVisible();
  expect(elsewhere).toEqual([]);
  expect(refusedByPolicy).toEqual([]);
});
