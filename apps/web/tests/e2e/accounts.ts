import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";

/** A new person's details, unique per call, so tests never share an account. */
export function newAccount() {
  const id = randomBytes(5).toString("hex");
  return {
    email: `trader-${id}@example.com`,
    username: `trader_${id}`,
    password: `pw-${id}-long-enough`,
  };
}

/** Signs up through the form and waits until the header shows the new user. */
export async function signUp(page: Page, account = newAccount()) {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Username").fill(account.username);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText(account.username);
  return account;
}
