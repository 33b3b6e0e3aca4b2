import { setTimeout } from "node:timers/promises";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import { type Browser, expect, type Page } from "@playwright/test";
import { callApi } from "./page-helpers";

const STEP_MS = 30_000;

/**
 * An authenticator app for one secret. The server accepts each time step once and one step
 * either side of now, so every code is for the step after the last one used: at most one
 * step ahead of the clock (no wait), else it waits until the clock reaches the step before it.
 */
function authenticator(secret: string) {
  const key = decodeBase32IgnorePadding(secret);
  let lastStep = 0;
  return {
    async nextCode(): Promise<string> {
      const step = Math.max(lastStep + 1, Math.floor(Date.now() / STEP_MS));
      await clockReaches((step - 1) * STEP_MS);
      lastStep = step;
      return generateHOTP(key, BigInt(step), 6);
    },
  };
}

/** Resolves when the wall clock reads `epochMs`: the moment the server will take a code. */
async function clockReaches(epochMs: number) {
  const ahead = epochMs - Date.now();
  if (ahead > 0) await setTimeout(ahead);
}

/**
 * Answers the account page's "Confirm access" dialog with the password, and `code` (an
 * authenticator or recovery code) when 2FA is on, then waits for it to close.
 */
export async function confirmAccess(page: Page, password: string, code?: string) {
  const dialog = page.getByRole("dialog", { name: "Confirm access" });
  await dialog.getByLabel("Password").fill(password);
  if (code !== undefined) await dialog.getByLabel("Authentication or recovery code").fill(code);
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await expect(dialog).toBeHidden();
}

/**
 * Turns 2FA on from the account page, as a person would, confirming access with `password`
 * when the page asks; returns the app and the recovery codes.
 */
export async function enableTwoFactorOnPage(page: Page, password: string) {
  await page.goto("/account");
  await page.getByRole("button", { name: "Set up two-factor authentication" }).click();
  await expect(
    page.getByRole("img", { name: "QR code to add CryptoTrade to your authenticator app" }),
  ).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())?.trim() ?? "";
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const app = authenticator(secret);
  await page.getByLabel("Authentication code").fill(await app.nextCode());
  await page.getByRole("button", { name: "Turn on two-factor authentication" }).click();
  const list = page.getByRole("list", { name: "Recovery codes" });
  // A sign-in confirmed in the last few minutes is not asked again.
  const dialog = page.getByRole("dialog", { name: "Confirm access" });
  await expect(dialog.or(list)).toBeVisible();
  if (await dialog.isVisible()) await confirmAccess(page, password);
  // Read again until ten codes are read whole: the page may still be settling (a revalidation,
  // or the document the form's own post answered) when they first show.
  let recoveryCodes: string[] = [];
  await expect(async () => {
    recoveryCodes = (await list.getByRole("listitem").allTextContents()).map((c) => c.trim());
    expect(recoveryCodes).toHaveLength(10);
  }).toPass();
  await expect(page.getByTestId("two-factor-status")).toContainText("On");
  return { app, recoveryCodes };
}

/**
 * Turns 2FA on through the API with the page's cookies (withdrawals need it), re-authenticating
 * with `password` first as the account gate asks; the session cookie it answers with replaces
 * the old one. Returns the authenticator app.
 */
export async function enableTwoFactorByApi(page: Page, origin: string, password: string) {
  const { secret } = await callApi<{ secret: string }>(page.request, origin, "account.totpSetup");
  const app = authenticator(secret);
  await callApi(page.request, origin, "auth.reauthenticate", { password });
  await callApi(page.request, origin, "account.totpEnable", { code: await app.nextCode() });
  return app;
}

/** Logs in through the form; with `code`, finishes the second step with it. */
export async function logIn(
  page: Page,
  account: { email: string; password: string },
  second?: { code: string; recovery?: boolean },
) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Log in" }).click();
  if (second) {
    await expect(page).toHaveURL(/\/login\/2fa/);
    if (second.recovery) {
      await page.getByRole("link", { name: "Use a recovery code instead" }).click();
      await page.getByLabel("Recovery code").fill(second.code);
    } else {
      await page.getByLabel("Authentication code").fill(second.code);
    }
    await page.getByRole("button", { name: "Verify" }).click();
  }
  await expect(page.getByTestId("signed-in-user")).toBeVisible();
}

/** The e2e operator (made admin by the global setup with `pnpm admin:grant`). */
export function adminAccount() {
  return {
    email: process.env.E2E_ADMIN_EMAIL ?? "",
    password: process.env.E2E_ADMIN_PASSWORD ?? "",
  };
}

/** A separate browser (its own cookies) signed in as the admin. */
export async function openAdminBrowser(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await logIn(page, adminAccount());
  return { context, page };
}
