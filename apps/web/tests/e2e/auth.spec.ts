import { expect, test } from "@playwright/test";
import { newAccount, signUp } from "./accounts";

test("signing up lands on the markets signed in", async ({ page }) => {
  const account = await signUp(page);
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { name: "Markets" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
  const cookies = await page.context().cookies();
  const session = cookies.find((cookie) => cookie.httpOnly && cookie.value.length > 20);
  expect(session, `an HttpOnly session cookie for ${account.username}`).toBeDefined();
});

test("logging out and in again", async ({ page }) => {
  const account = await signUp(page);
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0);

  await page.getByRole("link", { name: "Log in" }).click();
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText(account.username);
  await expect(page).toHaveURL("/");
});

test("a wrong password is shown at the password field", async ({ page }) => {
  const account = await signUp(page);
  await page.getByRole("button", { name: "Log out" }).click();
  // The logout is a form post: wait for it to land before opening another page.
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Log in" }).click();
  const password = page.getByLabel("Password");
  await expect(password).toHaveAttribute("aria-invalid", "true");
  await expect(password).toHaveAccessibleDescription(/invalid email or password/i);
  await expect(page.getByLabel("Email")).toHaveValue(account.email);
  await expect(page.getByTestId("signed-in-user")).toHaveCount(0);
});

test("sign-up problems appear at their fields", async ({ page }) => {
  const taken = await signUp(page);
  await page.getByRole("button", { name: "Log out" }).click();
  // The logout is a form post: wait for it to land before opening another page.
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  await page.goto("/signup");
  const fresh = newAccount();
  await page.getByLabel("Email").fill(fresh.email);
  await page.getByLabel("Username").fill(taken.username);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(
    /must be at least 10 characters/,
  );

  await page.getByLabel("Password").fill(fresh.password);
  await page.getByRole("button", { name: "Sign up" }).click();
  await expect(page.getByLabel("Username")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Username")).toHaveAccessibleDescription(/taken/);
});
