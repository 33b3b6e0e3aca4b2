import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { callApi, severeViolations, useTheme } from "./page-helpers";
import { enableTwoFactorByApi, enableTwoFactorOnPage } from "./security-helpers";

// Journeys of several steps against a real server sharing two cores with the market maker.
test.describe.configure({ timeout: 90_000 });

const ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE";

interface Asset {
  symbol: string;
  withdrawalMin: string;
  withdrawalFee: string;
}

async function depositFromForm(page: Page, asset: string, amount: string) {
  const deposit = page.getByRole("region", { name: "Deposit demo funds" });
  await deposit.getByLabel("Asset").selectOption(asset);
  await deposit.getByLabel("Amount").fill(amount);
  await deposit.getByRole("button", { name: "Get demo funds" }).click();
  await expect(deposit.getByRole("status")).toContainText(`Deposited ${amount}`);
}

test("withdraw shows the fee and minimum, refuses at the field, and a request is pending in the history", async ({
  signIn,
  page,
  baseURL,
}) => {
  const account = await signIn();
  // Every step that reaches the exchange spends an authenticator code, which may wait a step.
  test.setTimeout(180_000);
  const origin = baseURL ?? "";
  await page.goto("/wallet");
  await expect(page.getByText("No deposits or withdrawals yet.")).toBeVisible();
  await depositFromForm(page, "USDT", "1000");

  // Without 2FA, no withdrawal: the page says so and links to where it is turned on.
  const withdraw = page.getByRole("region", { name: "Withdraw" });
  await expect(withdraw.getByText("Withdrawals need two-factor authentication")).toBeVisible();
  await expect(withdraw.getByRole("button", { name: "Request withdrawal" })).toBeDisabled();
  await withdraw.getByRole("link", { name: "Turn on two-factor authentication" }).click();
  await expect(page).toHaveURL(/\/account#security$/);
  const { app } = await enableTwoFactorOnPage(page, account.password);
  await page.getByRole("button", { name: "I have saved my codes" }).click();
  await page.goto("/wallet");
  await expect(withdraw.getByText("Withdrawals need two-factor authentication")).toHaveCount(0);
  const history = page.getByRole("table", { name: "Transactions, newest first" });
  await expect(history.getByRole("row")).toHaveCount(2);
  await expect(history).toContainText("+1,000.000000");

  const assets = await callApi<Asset[]>(page.request, origin, "market.assets", null, "query");
  const usdt = assets.find((asset) => asset.symbol === "USDT");
  if (!usdt) throw new Error("no USDT asset");
  await withdraw.getByLabel("Asset").selectOption("USDT");
  await expect(withdraw.getByTestId("withdraw-minimum")).toHaveText(`${usdt.withdrawalMin} USDT`);
  await expect(withdraw.getByTestId("withdraw-fee")).toHaveText(`${usdt.withdrawalFee} USDT`);
  await expect(withdraw.getByTestId("withdraw-available")).toHaveText("1,000.000000 USDT");

  // Below the minimum: the server's message at the amount, nothing held.
  await withdraw.getByLabel("Destination address").fill(ADDRESS);
  await withdraw.getByLabel("Amount").fill("0.5");
  await withdraw.getByLabel("Authentication code").fill(await app.nextCode());
  await withdraw.getByRole("button", { name: "Request withdrawal" }).click();
  const amount = withdraw.getByLabel("Amount");
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await expect(amount).toHaveAccessibleDescription(/below the minimum withdrawal/);

  // A malformed address: at the address field.
  await withdraw.getByLabel("Destination address").fill("x");
  await withdraw.getByLabel("Amount").fill("100");
  await withdraw.getByRole("button", { name: "Request withdrawal" }).click();
  await expect(withdraw.getByLabel("Destination address")).toHaveAttribute("aria-invalid", "true");

  await withdraw.getByLabel("Destination address").fill(ADDRESS);
  await withdraw.getByLabel("Amount").fill("100");
  await withdraw.getByLabel("Authentication code").fill(await app.nextCode());
  await withdraw.getByRole("button", { name: "Request withdrawal" }).click();
  await expect(withdraw.getByRole("status").last()).toContainText("pending until the exchange");
  const pending = history.getByRole("row", { name: /withdrawal/ });
  await expect(pending).toContainText("−100.000000");
  await expect(pending).toContainText("pending");
  await expect(pending).toContainText(usdt.withdrawalFee);
  // Amount and fee are held: available drops by both, live.
  const fee = Number(usdt.withdrawalFee);
  await expect(withdraw.getByTestId("withdraw-available")).toHaveText(
    `${(900 - fee).toLocaleString("en-US", { minimumFractionDigits: 6 })} USDT`,
  );
});

test("filters narrow the history and the CSV export holds exactly the filtered rows", async ({
  signIn,
  page,
  baseURL,
}) => {
  const account = await signIn();
  const origin = baseURL ?? "";
  await page.goto("/wallet");
  await depositFromForm(page, "USDT", "1000");
  await depositFromForm(page, "BTC", "1");
  await depositFromForm(page, "ETH", "3");
  const app = await enableTwoFactorByApi(page, origin, account.password);
  await callApi(page.request, origin, "wallet.withdraw", {
    asset: "USDT",
    amount: "50",
    address: ADDRESS,
    totpCode: await app.nextCode(),
  });
  await callApi(page.request, origin, "wallet.withdraw", {
    asset: "BTC",
    amount: "0.1",
    address: ADDRESS,
    totpCode: await app.nextCode(),
  });
  await page.reload();
  const history = page.getByRole("table", { name: "Transactions, newest first" });
  await expect(history.getByRole("row")).toHaveCount(6);

  const filters = page.getByRole("search", { name: "Filter transactions" });
  await filters.getByLabel("Type").selectOption("withdrawal");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/type=withdrawal/);
  await expect(history.getByRole("row")).toHaveCount(3);
  await filters.getByLabel("Asset").selectOption("BTC");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(history.getByRole("row")).toHaveCount(2);
  await expect(history.getByRole("row").nth(1)).toContainText("BTC");

  // A day range that ends yesterday holds nothing made today.
  const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
  await filters.getByLabel("To (UTC)").fill(yesterday);
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByText("No transactions match these filters.")).toBeVisible();
  await filters.getByLabel("To (UTC)").fill("");
  await filters.getByLabel("Status").selectOption("pending");
  await filters.getByRole("button", { name: "Apply filters" }).click();
  await expect(history.getByRole("row")).toHaveCount(2);

  const ids = await history
    .locator("tbody tr")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-transaction-id")));
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV (filtered)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("transactions.csv");
  const csv = await readFile(await download.path(), "utf8");
  const [header, ...lines] = csv.trimEnd().split("\n");
  expect(header).toBe("id,time,type,asset,amount,status,address");
  expect(lines.map((line) => line.split(",")[0])).toEqual(ids);
  expect(lines.map((line) => line.split(",").slice(2, 6).join(" "))).toEqual([
    "withdrawal BTC 0.10000000 pending",
  ]);

  // Cleared, the export holds every row again.
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(history.getByRole("row")).toHaveCount(6);
  const all = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const allCsv = await readFile(await (await all).path(), "utf8");
  expect(allCsv.trimEnd().split("\n")).toHaveLength(6);
});

test("the history pages with a cursor, keeping its filters", async ({ signIn, page, baseURL }) => {
  await signIn();
  const origin = baseURL ?? "";
  // 21 SOL deposits: one more than a page.
  for (let i = 1; i <= 21; i += 1) {
    await callApi(page.request, origin, "wallet.deposit", { asset: "SOL", amount: String(i) });
  }
  await callApi(page.request, origin, "wallet.deposit", { asset: "USDT", amount: "10" });
  await page.goto("/wallet?asset=SOL");
  const history = page.getByRole("table", { name: "Transactions, newest first" });
  await expect(history.locator("tbody tr")).toHaveCount(20);
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/asset=SOL.*cursor=/);
  await expect(history.locator("tbody tr")).toHaveCount(1);
  await expect(history).toContainText("+1.000000");
  await page.getByRole("link", { name: "← Newest" }).click();
  await expect(history.locator("tbody tr")).toHaveCount(20);
});

for (const theme of ["light", "dark"] as const) {
  test(`the wallet has no serious accessibility violation in the ${theme} theme`, async ({
    signIn,
    page,
    context,
    baseURL,
  }, testInfo) => {
    const account = await signIn();
    const origin = baseURL ?? "";
    await useTheme(context, origin, theme);
    await page.goto("/wallet");
    expect(await severeViolations(page), "empty wallet").toEqual([]);
    await callApi(page.request, origin, "wallet.deposit", { asset: "USDT", amount: "2500" });
    const app = await enableTwoFactorByApi(page, origin, account.password);
    await callApi(page.request, origin, "wallet.withdraw", {
      asset: "USDT",
      amount: "100",
      address: ADDRESS,
      totpCode: await app.nextCode(),
    });
    await page.goto("/wallet");
    // A refusal at its field, as the trader would see it.
    const withdraw = page.getByRole("region", { name: "Withdraw" });
    await withdraw.getByLabel("Destination address").fill("x");
    await withdraw.getByLabel("Amount").fill("1");
    await withdraw.getByRole("button", { name: "Request withdrawal" }).click();
    await expect(withdraw.getByLabel("Destination address")).toHaveAttribute(
      "aria-invalid",
      "true",
    );
    expect(await severeViolations(page), "wallet with history and errors").toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`wallet-${theme}.png`), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await expect(page.getByRole("heading", { name: "Wallet", level: 1 })).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    // The history table scrolls sideways in its own box here, which keyboard users can reach.
    expect(await severeViolations(page), "wallet at 390 px").toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`wallet-${theme}-390.png`), fullPage: true });
  });
}
