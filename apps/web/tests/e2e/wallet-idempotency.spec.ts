import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";

test.describe.configure({ timeout: 90_000 });

/** Submits the faucet form and returns the idempotency key the browser sent with it. */
async function depositAndReadKey(page: Page, amount: string): Promise<string> {
  const deposit = page.getByRole("region", { name: "Deposit demo funds" });
  await deposit.getByLabel("Asset").selectOption("USDT");
  await deposit.getByLabel("Amount").fill(amount);
  const posted = page.waitForRequest(
    (request) => request.method() === "POST" && (request.postData() ?? "").includes("deposit"),
  );
  await deposit.getByRole("button", { name: "Get demo funds" }).click();
  const body = new URLSearchParams((await posted).postData() ?? "");
  await expect(deposit.getByRole("status")).toContainText(`Deposited ${amount}`);
  return body.get("idempotencyKey") ?? "";
}

// ADR 025: the form sends a key per deposit, so a resubmission after a lost answer pays once.
test("the faucet form sends a fresh idempotency key with each deposit", async ({
  signIn,
  page,
}) => {
  await signIn();
  await page.goto("/wallet");
  const first = await depositAndReadKey(page, "10");
  const second = await depositAndReadKey(page, "20");
  expect(first).toMatch(/^[0-9a-f-]{36}$/);
  expect(second).toMatch(/^[0-9a-f-]{36}$/);
  expect(second).not.toBe(first);
  const history = page.getByRole("table", { name: "Transactions, newest first" });
  await expect(history.getByRole("row")).toHaveCount(3);
});
