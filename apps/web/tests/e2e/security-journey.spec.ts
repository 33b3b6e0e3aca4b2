import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signUp } from "./accounts";
import { callApi, pageUntilVisible } from "./page-helpers";
import { enableTwoFactorOnPage, logIn, openAdminBrowser } from "./security-helpers";

const ADDRESS = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

// Three authenticator codes in a row may wait for the clock's next 30-second step.
test.describe.configure({ timeout: 240_000 });

test("sign up → 2FA → log in with a code → deposit → trade → portfolio moves → withdraw with a code → an admin approves → history and CSV show it", async ({
  page,
  browser,
  baseURL,
}) => {
  const origin = baseURL ?? "";
  const account = await signUp(page);

  // 2FA from the account page; the test's authenticator reads the secret shown there.
  const { app } = await enableTwoFactorOnPage(page, account.password);
  await page.getByRole("button", { name: "I have saved my codes" }).click();
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0);
  await logIn(page, account, { code: await app.nextCode() });
  await expect(page.getByTestId("signed-in-user")).toHaveText(account.username);

  // Deposit from the wallet page (the demo faucet).
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Wallet" })
    .click();
  const deposit = page.getByRole("region", { name: "Deposit demo funds" });
  await deposit.getByLabel("Asset").selectOption("USDT");
  await deposit.getByLabel("Amount").fill("20000");
  await deposit.getByRole("button", { name: "Get demo funds" }).click();
  await expect(deposit.getByRole("status")).toContainText("Deposited 20000");

  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Portfolio" })
    .click();
  const total = page.getByTestId("total-value");
  await expect(total).toHaveText("20,000.00 USDT");

  // Trade: a market buy through the API with this browser's session (against the demo maker).
  const order = await callApi<{ status: string; filledQuantity: string }>(
    page.request,
    origin,
    "orders.place",
    { symbol: "BTC-USDT", side: "buy", type: "market", quoteQuantity: "2000.00" },
  );
  expect(Number(order.filledQuantity)).toBeGreaterThan(0);
  // The portfolio moves live: BTC appears, the total leaves its round figure (fee and spread).
  const balances = page.getByRole("table", { name: "Your balances, live" });
  await expect(balances.getByRole("row", { name: /BTC/ })).toContainText(order.filledQuantity);
  await page.reload();
  await expect(total).not.toHaveText("20,000.00 USDT");
  const pnl = page.getByRole("table", { name: "Profit and loss per asset, in USDT" });
  await expect(pnl.getByRole("row", { name: /BTC/ })).toBeVisible();

  // Withdraw from the wallet page with a fresh code.
  await page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Wallet" })
    .click();
  const withdraw = page.getByRole("region", { name: "Withdraw" });
  await withdraw.getByLabel("Asset").selectOption("USDT");
  await withdraw.getByLabel("Destination address").fill(ADDRESS);
  await withdraw.getByLabel("Amount").fill("250");
  await withdraw.getByLabel("Authentication code").fill(await app.nextCode());
  await withdraw.getByRole("button", { name: "Request withdrawal" }).click();
  await expect(withdraw.getByRole("status").last()).toContainText("pending until the exchange");
  const history = page.getByRole("table", { name: "Transactions, newest first" });
  const row = history.getByRole("row", { name: /withdrawal/i });
  await expect(row).toContainText(/pending/i);
  const id = (await row.getAttribute("data-transaction-id")) ?? "";
  expect(id).toMatch(/^\d+$/);

  // An admin, in another browser, approves it.
  const admin = await openAdminBrowser(browser);
  try {
    await admin.page.goto("/admin/withdrawals");
    const approve = await pageUntilVisible(
      admin.page,
      `Approve withdrawal ${id} of 250.000000 USDT`,
    );
    await approve.click();
    await expect(admin.page.getByText(`Withdrawal #${id} approved and sent.`)).toBeVisible();
  } finally {
    await admin.context.close();
  }

  // The trader's history and CSV show it completed.
  await page.reload();
  await expect(history.getByRole("row", { name: /withdrawal/i })).toContainText(/completed/i);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV", exact: true }).click();
  const csv = await readFile(await (await downloading).path(), "utf8");
  const line = csv.split("\n").find((l) => l.startsWith(`${id},`));
  expect(line?.split(",").slice(2, 6)).toEqual(["withdrawal", "USDT", "250.000000", "completed"]);
});
