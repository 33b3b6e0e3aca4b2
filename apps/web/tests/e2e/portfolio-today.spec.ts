import { expect, test } from "./fixtures";
import { callApi } from "./page-helpers";

test.describe.configure({ timeout: 60_000 });

test("a faucet deposit does not move Today: it is money in, not a gain", async ({
  signIn,
  page,
  baseURL,
}) => {
  await signIn({ USDT: "1000" });
  // Today counts from the day's first value snapshot (the server takes them on a schedule).
  await callApi(page.request, baseURL ?? "", "portfolio.snapshot");
  await page.goto("/portfolio");
  const today = page.getByTestId("day-change");
  // Dollars only: no price moves it, so it is exactly flat.
  await expect(today).toHaveText("Today: 0.00 USDT (0.00%)");

  await page.goto("/wallet");
  const deposit = page.getByRole("region", { name: "Deposit demo funds" });
  await deposit.getByLabel("Asset").selectOption("USDT");
  await deposit.getByLabel("Amount").fill("1000");
  await deposit.getByRole("button", { name: "Get demo funds" }).click();
  await expect(deposit.getByRole("status")).toContainText("Deposited");

  await page.goto("/portfolio");
  await expect(page.getByTestId("total-value")).toHaveText("2,000.00 USDT");
  await expect(today).toHaveText("Today: 0.00 USDT (0.00%)");
  await expect(page.getByTestId("day-transfers")).toHaveText(
    "Deposits and withdrawals today, not counted as change: +1,000.00 USDT",
  );
});
