import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";

/** What a person signs up with (a type, not an interface, so it passes as a form's fields). */
export type Account = {
  email: string;
  username: string;
  password: string;
};

/** A new person's details, unique per call, so tests never share an account. */
export function newAccount(): Account {
  const id = randomBytes(5).toString("hex");
  return {
    email: `trader-${id}@example.com`,
    username: `trader_${id}`,
    password: `pw-${id}-long-enough`,
  };
}

/**
 * Signs up through the form and waits until the header shows the new user. Only the journeys
 * about signing up use it; the rest start signed in from the fixtures in fixtures.ts.
 */
export async function signUp(page: Page, account = newAccount()) {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Username").fill(account.username);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText(account.username);
  return account;
}
