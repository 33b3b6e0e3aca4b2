import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { callApi, severeViolations } from "./page-helpers";

// A browser set to German, as a person in Germany has it: Accept-Language and navigator.language
// both say de-DE.
test.use({ locale: "de-DE" });

// A journey of several pages on a machine shared with the server and its market maker.
test.describe.configure({ timeout: 120_000 });

/** Console errors (a hydration mismatch among them) and script errors while the page runs. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

const languageMenu = (page: Page) => page.getByRole("combobox", { name: /Language/ });

test("a German browser gets the app in German, takes a decimal comma, and the language chosen in the menu is kept", async ({
  page,
  signIn,
  baseURL,
}) => {
  const errors = collectErrors(page);

  // Signed out: the sign-in pages speak German from the server's first HTML on.
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page).toHaveTitle("Anmelden · CryptoTrade");
  await expect(page.getByRole("heading", { name: "Anmelden" })).toBeVisible();
  await expect(page.getByLabel("E-Mail")).toBeVisible();
  await expect(page.getByLabel("Passwort")).toBeVisible();
  await page.getByRole("link", { name: "Konto erstellen" }).click();
  await expect(page.getByRole("heading", { name: "Konto erstellen" })).toBeVisible();
  await expect(page.getByLabel("Benutzername")).toHaveAccessibleDescription(
    "3–24 Buchstaben, Ziffern oder Unterstriche",
  );

  // Signed in with 1,234.56 USDT: the wallet in German, with German numbers.
  const account = await signIn({ USDT: "1234.56" });
  await page.goto("/wallet");
  await expect(page.getByRole("heading", { name: "Wallet", level: 1 })).toBeVisible();
  const withdraw = page.getByRole("region", { name: "Auszahlen" });
  await expect(withdraw.getByTestId("withdraw-available")).toHaveText("1.234,560000 USDT");

  // A decimal comma is an amount: 12,5 USDT deposited, and the balance is exactly 1.247,06.
  const deposit = page.getByRole("region", { name: "Demo-Guthaben einzahlen" });
  await deposit.getByLabel("Asset").selectOption("USDT");
  await deposit.getByLabel("Betrag").fill("12,5");
  await deposit.getByRole("button", { name: "Demo-Guthaben erhalten" }).click();
  await expect(deposit.getByRole("status")).toHaveText(/12,5\d* USDT eingezahlt\./);
  await expect(withdraw.getByTestId("withdraw-available")).toHaveText("1.247,060000 USDT");
  const history = page.getByRole("table", { name: "Transaktionen, neueste zuerst" });
  await expect(history).toContainText("+12,500000");
  await expect(history).toContainText("Einzahlung");
  expect(await severeViolations(page)).toEqual([]);

  // The portfolio and the account page in German.
  await page
    .getByRole("navigation", { name: "Hauptnavigation" })
    .getByRole("link", {
      name: "Portfolio",
    })
    .click();
  await expect(page.getByRole("heading", { name: "Portfolio", level: 1 })).toBeVisible();
  await expect(page.getByTestId("total-value")).toContainText("1.247,06");
  expect(await severeViolations(page)).toEqual([]);
  await page.getByRole("link", { name: "Konto" }).click();
  await expect(page.getByRole("heading", { name: "Kontosicherheit" })).toBeVisible();
  await expect(page.getByText(`Angemeldet als ${account.username}`)).toBeVisible();
  await expect(page.getByRole("region", { name: "Zwei-Faktor-Authentifizierung" })).toBeVisible();
  expect(await severeViolations(page)).toEqual([]);

  // 简体中文 from the menu: the page changes in place, and stays Chinese after a reload.
  await languageMenu(page).selectOption("zh");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "账户安全" })).toBeVisible();
  await expect(page).toHaveURL(/\/account$/);
  await page.reload();
  await expect(page.getByRole("heading", { name: "账户安全" })).toBeVisible();
  await expect(page.getByRole("link", { name: "钱包" })).toBeVisible();
  expect(await severeViolations(page)).toEqual([]);

  // Back to English: kept on the account, and numbers follow the choice over the browser's
  // German (an explicit choice decides, ADR 041).
  await languageMenu(page).selectOption("en");
  await expect(page.getByRole("heading", { name: "Account security" })).toBeVisible();
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Account security" })).toBeVisible();
  const saved = await callApi<{ language: string | null }>(
    page.request,
    baseURL ?? "",
    "account.preferences",
    undefined,
    "query",
  );
  expect(saved.language).toBe("en");
  await page.goto("/wallet");
  await expect(
    page.getByRole("region", { name: "Withdraw" }).getByTestId("withdraw-available"),
  ).toHaveText("1,247.060000 USDT");

  expect(errors).toEqual([]);
});
