import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateTOTP } from "@oslojs/otp";
import { expect, test } from "./fixtures";
import { callApi } from "./page-helpers";

test("with 2FA on, signing in stops at the code page until a recovery code is given", async ({
  signIn,
  page,
  baseURL,
}) => {
  const account = await signIn();
  const origin = baseURL ?? "";
  // No page is open yet, so none holds a socket while 2FA is turned on behind its back: the
  // old token's socket is closed (4401) before the new cookie reaches the browser, and a page
  // would leave for /login on its own, racing the navigation below.
  const { secret } = await callApi<{ secret: string }>(
    page.request,
    origin,
    "account.totpSetup",
    null,
  );
  // Turning 2FA on is a sensitive change: the session confirms the password first.
  await callApi(page.request, origin, "auth.reauthenticate", { password: account.password });
  const code = generateTOTP(decodeBase32IgnorePadding(secret), 30, 6);
  const { recoveryCodes } = await callApi<{ recoveryCodes: string[] }>(
    page.request,
    origin,
    "account.totpEnable",
    { code },
  );
  await page.goto("/");
  await page.getByRole("button", { name: "Log out" }).click();
  // The logout is a form post: wait for it to land before opening another page.
  await expect(page.getByRole("link", { name: "Log in" })).toBeVisible();

  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/login\/2fa/);
  await expect(page.getByLabel("Authentication code")).toBeVisible();

  // A session owing its second factor lands on the code page wherever it goes.
  await page.goto("/trade/BTC-USDT");
  await expect(page).toHaveURL(/\/login\/2fa/);

  await page.getByLabel("Authentication code").fill("12345");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByLabel("Authentication code")).toHaveAttribute("aria-invalid", "true");

  await page.getByRole("link", { name: "Use a recovery code instead" }).click();
  await page.getByLabel("Recovery code").fill(recoveryCodes[0] ?? "");
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByTestId("signed-in-user")).toHaveText(account.username);
  await expect(page).toHaveURL("/");
});
