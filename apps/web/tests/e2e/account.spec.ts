import { generateKeyPairSync } from "node:crypto";
import { expect, test } from "./fixtures";
import { callApi, severeViolations, useTheme } from "./page-helpers";
import { confirmAccess, enableTwoFactorOnPage, logIn } from "./security-helpers";

// Journeys with several sign-ins and authenticator steps, on two cores shared with the server.
test.describe.configure({ timeout: 120_000 });

test("2FA from the account page: confirm access first, QR and secret, codes shown once with download, regenerate and turn off", async ({
  signIn,
  page,
}) => {
  const account = await signIn();
  await page.goto("/account");
  await expect(page.getByTestId("two-factor-status")).toContainText("Off");

  // Turning 2FA on is a sensitive change: a sign-in not confirmed lately is asked to confirm
  // access first (the password; no code yet, 2FA is off). A wrong password stays at its field.
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await page.getByLabel("Authentication code").fill("000000");
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm access" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Authentication or recovery code")).toHaveCount(0);
  await dialog.getByLabel("Password").fill("not-my-password");
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog.getByLabel("Password")).toHaveAttribute("aria-invalid", "true");
  await confirmAccess(page, account.password);
  // Then the change is made, and the wrong setup code is refused at its field.
  await expect(page.getByLabel("Authentication code")).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Cancel setup" }).click();

  // Confirmed minutes ago: not asked again.
  const { recoveryCodes } = await enableTwoFactorOnPage(page, account.password);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download as .txt" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("cryptotrade-recovery-codes.txt");
  const text = await (await file.createReadStream()).toArray();
  for (const code of recoveryCodes) expect(Buffer.concat(text).toString()).toContain(code);
  await page.getByRole("button", { name: "I have saved my codes" }).click();
  // Shown once: gone after saving, and not there after a reload.
  await expect(page.getByRole("list", { name: "Recovery codes" })).toBeHidden();
  await page.reload();
  await expect(page.getByRole("list", { name: "Recovery codes" })).toBeHidden();
  await expect(page.getByTestId("two-factor-status")).toContainText("On");

  await page.getByRole("button", { name: "Get new recovery codes" }).click();
  const fresh = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
  await expect(fresh).toHaveCount(10);
  expect(await fresh.first().textContent()).not.toBe(recoveryCodes[0]);
  await page.getByRole("button", { name: "I have saved my codes" }).click();

  await page.getByRole("button", { name: "Turn off two-factor authentication" }).click();
  await expect(page.getByTestId("two-factor-status")).toContainText("Off");
  // Turning 2FA off holds withdrawals for 24 hours, and the page says so.
  await expect(page.getByText(/Withdrawals are paused until/)).toBeVisible();
});

test("a recovery code read from the page signs in once", async ({ signIn, page }) => {
  const account = await signIn();
  const { recoveryCodes } = await enableTwoFactorOnPage(page, account.password);
  const code = recoveryCodes[3] ?? "";
  await page.getByRole("button", { name: "I have saved my codes" }).click();
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  await logIn(page, account, { code, recovery: true });
  await page.getByRole("button", { name: "Log out" }).click();
  // The logout is a form post: wait for it to land before opening another page.
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();

  // The same code a second time is refused at its field.
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.getByRole("link", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByLabel("Recovery code")).toHaveAttribute("aria-invalid", "true");
});

test("revoking a session from another device logs that browser out at once", async ({
  signIn,
  page,
  browser,
}) => {
  const account = await signIn();
  const other = await browser.newContext();
  try {
    const laptop = await other.newPage();
    await logIn(laptop, account);
    await laptop.goto("/account");
    await expect(laptop.getByRole("heading", { name: "Account security" })).toBeVisible();

    await page.goto("/account");
    const sessions = page.getByRole("list", { name: "Signed-in sessions" });
    await expect(sessions.getByRole("listitem")).toHaveCount(2);
    await expect(sessions).toContainText("This device");
    await expect(sessions).toContainText(/Chrome \d+ on Linux/);
    // A click before the page has hydrated is lost (this page shows no "Live" to wait for):
    // click again until the answer shows. Once it has, the button is gone.
    const signedOut = page.getByRole("status").filter({ hasText: "Signed out" });
    await expect(async () => {
      if (!(await signedOut.isVisible())) {
        await sessions
          .getByRole("button", { name: /^Sign out Headless Chrome/ })
          .click({ timeout: 2_000 });
      }
      await expect(signedOut).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await expect(sessions.getByRole("listitem")).toHaveCount(1);

    // The laptop did nothing: its socket was closed with 4401 and it left for /login.
    await expect(laptop).toHaveURL(/\/login\?ended=1/);
    await expect(laptop.getByText("Your session was ended from another device")).toBeVisible();
    await expect(laptop.getByTestId("signed-in-user")).toHaveCount(0);
    // This browser is still signed in.
    await page.reload();
    await expect(page.getByTestId("signed-in-user")).toHaveText(account.username);
  } finally {
    await other.close();
  }
});

test("'Sign out all other sessions' ends every other browser live", async ({
  signIn,
  page,
  browser,
}) => {
  const account = await signIn();
  const others = [await browser.newContext(), await browser.newContext()];
  try {
    const pages = [];
    for (const context of others) {
      const other = await context.newPage();
      await logIn(other, account);
      await other.goto("/");
      pages.push(other);
    }
    await page.goto("/account");
    await page.getByRole("button", { name: "Sign out all other sessions" }).click();
    await expect(page.getByText("Signed out 2 other sessions.")).toBeVisible();
    for (const other of pages) await expect(other).toHaveURL(/\/login\?ended=1/);
    await expect(page.getByText("No other sessions.")).toBeVisible();
  } finally {
    for (const context of others) await context.close();
  }
});

test("an API key is shown once, works, shows its last use, and stops when revoked", async ({
  signIn,
  page,
  playwright,
  baseURL,
}) => {
  const account = await signIn();
  await page.goto("/account");
  // A mistyped field is answered before the password is asked for again.
  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByLabel("Key name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("dialog", { name: "Confirm access" })).toHaveCount(0);
  await page.getByLabel("Key name").fill("grid bot");
  await page.getByRole("checkbox", { name: /^Trade/ }).check();
  await page.getByRole("button", { name: "Create API key" }).click();
  await confirmAccess(page, account.password);
  const key = (await page.getByTestId("new-api-key").textContent())?.trim() ?? "";
  expect(key).toMatch(/^ctk_/);
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("new-api-key")).toBeHidden();
  const row = page.getByRole("row", { name: /grid bot/ });
  await expect(row).toContainText("read, trade");
  await expect(row).toContainText("Never");

  const bot = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { authorization: `Bearer ${key}` },
  });
  try {
    const balances = await bot.get("/trpc/portfolio.balances");
    expect(balances.status()).toBe(200);
    await page.reload();
    await expect(row).not.toContainText("Never");

    await row.getByRole("button", { name: "Revoke key grid bot" }).click();
    await expect(row).toContainText("Revoked");
    const refused = await bot.get("/trpc/portfolio.balances");
    expect(refused.status()).toBe(401);
  } finally {
    await bot.dispose();
  }
});

test("signing keys: an HMAC secret shown once beside its API key, an Ed25519 key from a pasted public key", async ({
  signIn,
  page,
}) => {
  const account = await signIn();
  await page.goto("/account");
  await page.getByLabel("Key name").fill("ccxt hmac");
  await page.getByRole("radio", { name: /^HMAC-SHA256/ }).check();
  await page.getByRole("button", { name: "Create API key" }).click();
  await confirmAccess(page, account.password);
  const apiKey = (await page.getByTestId("new-api-key").textContent())?.trim() ?? "";
  expect(apiKey).toMatch(/^[a-z2-7]+$/);
  await expect(page.getByTestId("new-api-secret")).toHaveText(/^[a-z2-7]{64}$/);
  await expect(page.getByRole("button", { name: "Copy secret key" })).toBeVisible();
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByTestId("new-api-secret")).toBeHidden();
  await expect(page.getByRole("row", { name: /ccxt hmac/ })).toContainText("HMAC");

  await page.getByLabel("Key name").fill("ccxt ed25519");
  await page.getByRole("radio", { name: /^Ed25519/ }).check();
  const publicKeyField = page.getByLabel("Ed25519 public key (PEM)");
  await publicKeyField.fill("-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----");
  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(publicKeyField).toHaveAttribute("aria-invalid", "true");
  const { publicKey } = generateKeyPairSync("ed25519");
  await publicKeyField.fill(publicKey.export({ type: "spki", format: "pem" }).toString());
  await page.getByRole("button", { name: "Create API key" }).click();
  await expect(page.getByTestId("new-api-key")).toHaveText(/^[a-z2-7]+$/);
  await expect(page.getByTestId("new-api-secret")).toHaveCount(0);
  await expect(page.getByRole("row", { name: /ccxt ed25519/ })).toContainText("Ed25519");
});

test("with 2FA on, a new sign-in confirms access with password and code before it makes a withdraw key", async ({
  signIn,
  page,
}) => {
  const account = await signIn();
  const { app } = await enableTwoFactorOnPage(page, account.password);
  await page.getByRole("button", { name: "I have saved my codes" }).click();
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  // A fresh sign-in, as a thief holding only this session would have: not confirmed.
  await logIn(page, account, { code: await app.nextCode() });
  await page.goto("/account");
  await page.getByLabel("Key name").fill("payout bot");
  await page.getByRole("checkbox", { name: /^Withdraw/ }).check();
  await page.getByRole("button", { name: "Create API key" }).click();

  const dialog = page.getByRole("dialog", { name: "Confirm access" });
  const code = dialog.getByLabel("Authentication or recovery code");
  await dialog.getByLabel("Password").fill(account.password);
  await code.fill("000000");
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(code).toHaveAttribute("aria-invalid", "true");
  // Closing it changes nothing, and says so.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByText("Access was not confirmed, so nothing was changed")).toBeVisible();
  await expect(page.getByRole("row", { name: /payout bot/ })).toHaveCount(0);

  await page.getByRole("button", { name: "Create API key" }).click();
  await confirmAccess(page, account.password, await app.nextCode());
  await expect(page.getByTestId("new-api-key")).toContainText("ctk_");
  await expect(page.getByRole("row", { name: /payout bot/ })).toContainText("read, withdraw");
});

test("changing the password: a wrong current one at its field, then the hold said plainly", async ({
  signIn,
  page,
  baseURL,
}) => {
  const account = await signIn();
  await page.goto("/account");
  await page.getByLabel("Current password").fill("not-my-password");
  await page.getByLabel("New password", { exact: true }).fill("a-new-password-123");
  await page.getByLabel("Confirm new password").fill("a-new-password-123");
  await page.getByRole("button", { name: "Change password" }).click();
  await confirmAccess(page, account.password);
  await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Current password").fill(account.password);
  await page.getByLabel("New password", { exact: true }).fill("short");
  await page.getByLabel("Confirm new password").fill("short");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByLabel("New password", { exact: true })).toHaveAttribute(
    "aria-invalid",
    "true",
  );

  await page.getByLabel("New password", { exact: true }).fill("a-new-password-123");
  await page.getByLabel("Confirm new password").fill("a-new-password-123");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText(/^Password changed\./)).toBeVisible();
  await expect(page.getByText(/Withdrawals are paused until/)).toBeVisible();
  const me = await callApi<{ withdrawalsHeldUntil: string | null }>(
    page.request,
    baseURL ?? "",
    "auth.me",
    undefined,
    "query",
  );
  expect(me.withdrawalsHeldUntil).not.toBeNull();
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();
  await logIn(page, { email: account.email, password: "a-new-password-123" });
});

for (const theme of ["light", "dark"] as const) {
  test(`the account page has no serious accessibility violation in the ${theme} theme`, async ({
    signIn,
    page,
    context,
    baseURL,
  }) => {
    const account = await signIn();
    await useTheme(context, baseURL ?? "", theme);
    await page.goto("/account");
    await expect(page.getByRole("heading", { name: "Account security" })).toBeVisible();
    expect(await severeViolations(page), `/account in ${theme}`).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`account-${theme}.png`), fullPage: true });
    // With the setup open, the new key shown and an error at a field.
    await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
    await page.getByLabel("Key name").fill("screenshot bot");
    await page.getByRole("button", { name: "Create API key" }).click();
    await expect(page.getByRole("dialog", { name: "Confirm access" })).toBeVisible();
    expect(await severeViolations(page), `/account (confirm access) in ${theme}`).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`account-confirm-access-${theme}.png`) });
    await confirmAccess(page, account.password);
    await expect(page.getByTestId("new-api-key")).toBeVisible();
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
    expect(await severeViolations(page), `/account (setup open) in ${theme}`).toEqual([]);
    await page.screenshot({
      path: test.info().outputPath(`account-setup-${theme}.png`),
      fullPage: true,
    });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
    await expect(page.getByTestId("totp-secret")).toBeVisible();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, "/account at 390 px").toBeLessThanOrEqual(0);
    await page.screenshot({
      path: test.info().outputPath(`account-${theme}-390.png`),
      fullPage: true,
    });
  });
}
