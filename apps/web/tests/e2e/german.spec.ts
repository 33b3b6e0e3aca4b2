import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { callApi, severeViolations } from "./page-helpers";
import { anonymousClient } from "./traders";

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

test("the trade page in German: the order form, a limit order with a decimal comma, the market picker and the shortcuts", async ({
  page,
  signIn,
  baseURL,
}) => {
  await signIn({ USDT: "10000" });
  await page.goto("/trade/BTC-USDT");
  await expect(page.locator("html")).toHaveAttribute("lang", "de");

  // The order form's words in German.
  const form = page.getByRole("region", { name: "Order platzieren" });
  const side = form.getByRole("radiogroup", { name: "Seite" });
  await expect(side.getByRole("radio", { name: "Kaufen", exact: true })).toBeChecked();
  await expect(side.getByRole("radio", { name: "Verkaufen" })).toBeVisible();
  await expect(form.getByLabel("Ordertyp")).toHaveValue("limit");
  await expect(form.getByLabel("Ordertyp").locator("option:checked")).toHaveText("Limit");
  await expect(form.getByLabel("Preis", { exact: true })).toBeVisible();
  await expect(form.getByLabel("Menge")).toBeVisible();
  await expect(form.getByLabel("Gesamt", { exact: true })).toBeVisible();
  await expect(form.getByLabel("Gültigkeit")).toBeVisible();
  await expect(form.getByText("Verfügbar", { exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Orderbuch" })).toBeVisible();

  // A limit buy well under the market, its amount typed with a decimal comma.
  const client = anonymousClient(baseURL ?? "");
  const ticker = await client.market.ticker.query({ symbol: "BTC-USDT" });
  const bid = Number(ticker.bestBid ?? ticker.last ?? "65000");
  const price = String(Math.floor(bid * 0.9));
  await form.getByLabel("Preis", { exact: true }).fill(price);
  await form.getByLabel("Menge").fill("0,01");
  await expect(form.getByLabel("Menge")).toHaveValue("0,01");
  await form.getByRole("button", { name: "BTC kaufen" }).click();
  await expect(form.getByRole("status")).toHaveText(
    new RegExp(`^Kauforder (\\d+) platziert: 0,01 BTC zu ${price},00, offen$`),
  );
  const orderId = /Kauforder (\d+)/.exec((await form.getByRole("status").textContent()) ?? "")?.[1];

  // It rests among the open orders, in German words and German numbers.
  const account = page.getByRole("region", { name: "Ihre Orders und Guthaben" });
  await account.getByRole("tab", { name: /Offene Orders/ }).click();
  const open = account.getByRole("table", { name: "Offene Orders in BTC-USDT" });
  await expect(open.getByRole("columnheader", { name: "Preis (USDT)" })).toBeVisible();
  const row = open
    .getByRole("row")
    .filter({ has: page.getByRole("button", { name: `Order ${orderId} stornieren` }) });
  await expect(row).toContainText("Kaufen");
  await expect(row).toContainText(`${price},00`);
  await expect(row).toContainText("0,01");
  await expect(row).toContainText("Offen");
  expect(await severeViolations(page)).toEqual([]);

  // The market picker in German.
  await page.getByRole("button", { name: "Markt wechseln, BTC-USDT" }).click();
  const picker = page.getByRole("dialog", { name: "Markt wechseln" });
  await expect(picker.getByRole("combobox", { name: "Märkte durchsuchen" })).toHaveAttribute(
    "placeholder",
    "Name oder Kürzel, z. B. bitcoin",
  );
  await expect(picker.getByRole("listbox", { name: "Märkte" })).toBeVisible();
  await expect(picker).toContainText(/Märkten angezeigt\./);
  await picker.getByRole("combobox").fill("zzzz");
  await expect(picker).toContainText("Keine Märkte passen zu „zzzz“.");
  await page.keyboard.press("Escape");
  await expect(picker).toBeHidden();

  // The keyboard shortcuts dialog in German, opened with "?".
  await page.locator("body").press("?");
  const shortcuts = page.getByRole("dialog", { name: "Tastenkürzel" });
  await expect(shortcuts).toContainText("Kaufen: Orderformular auf die Kaufseite stellen");
  await expect(shortcuts).toContainText("Markt wechseln");
  await shortcuts.getByRole("button", { name: "Schließen" }).click();
  await expect(shortcuts).toBeHidden();
});

test("the trade page in Chinese: the order form and the book", async ({ page, signIn }) => {
  await signIn({ USDT: "1000" });
  await page.goto("/trade/BTC-USDT");
  await expect(page.getByRole("radio", { name: "Kaufen", exact: true })).toBeChecked();
  // Chosen in the menu: the page changes in place, and a reload keeps it.
  await languageMenu(page).selectOption("zh");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await page.reload();
  const form = page.getByRole("region", { name: "下单" });
  await expect(form.getByRole("radio", { name: "买入" })).toBeChecked();
  await expect(form.getByRole("radio", { name: "卖出" })).toBeVisible();
  await expect(form.getByLabel("订单类型")).toBeVisible();
  await expect(form.getByLabel("价格", { exact: true })).toBeVisible();
  await expect(form.getByLabel("数量")).toBeVisible();
  await expect(form.getByRole("button", { name: "买入 BTC" })).toBeVisible();
  await expect(page.getByRole("table", { name: "订单簿" })).toBeVisible();
  await expect(page.getByRole("tab", { name: /当前委托/ })).toBeVisible();
});

/**
 * The live regions whose words include `words`, each counted once (a toast inside sonner's
 * polite list is one region): what a screen reader would announce.
 */
async function announcementsOf(page: Page, words: RegExp): Promise<string[]> {
  return page.evaluate((source) => {
    const pattern = new RegExp(source);
    const live =
      '[aria-live]:not([aria-live="off"]), [role="status"], [role="log"], [role="alert"]';
    return [...document.querySelectorAll(live)]
      .filter((region) => !region.parentElement?.closest(live))
      .map((region) => region.textContent ?? "")
      .filter((text) => pattern.test(text));
  }, words.source);
}

test("a German trader reads checks, fills and price alerts in German, and hears each fill once", async ({
  page,
  signIn,
  baseURL,
}) => {
  await signIn({ USDT: "1000" });
  await page.goto("/trade/BTC-USDT");
  // Live: the page is hydrated, so the form checks what is typed (no native submit).
  await expect(page.getByTestId("live-status")).toHaveText("Live");
  const form = page.getByRole("region", { name: "Order platzieren" });
  const buy = form.getByRole("button", { name: "BTC kaufen" });

  // The form's own checks, in German.
  await form.getByLabel("Preis", { exact: true }).fill("1000");
  await buy.click();
  await expect(form.getByText("Geben Sie eine Menge ein")).toBeVisible();
  await form.getByLabel("Menge").fill("0,001");
  await buy.click();
  await expect(form.getByLabel("Menge")).toHaveAccessibleDescription(
    /Die Order ist 1,00 USDT wert, weniger als das Minimum von 5,00 USDT/,
  );

  // A limit buy above the best ask fills at once against the demo market maker.
  const ticker = await anonymousClient(baseURL ?? "").market.ticker.query({ symbol: "BTC-USDT" });
  const ask = Number(ticker.bestAsk ?? ticker.last ?? "65000");
  await form.getByLabel("Preis", { exact: true }).fill(String(Math.ceil(ask * 1.02)));
  await buy.click();
  await expect(form.getByRole("status")).toHaveText(
    /^Kauforder \d+ platziert: 0,001 BTC zu [\d.]+,00$/,
  );
  const toast = page.getByTestId("notice-toast").filter({ hasText: /gekauft/ });
  await expect(toast).toContainText(/^0,0010 BTC zu [\d.]+,\d\d USDT gekauft/);
  await expect(toast).toContainText(/BTC-USDT, Order \d+/);
  // The fill is spoken once: by the notification layer, not again by the form or the panel.
  await expect(page.getByTestId("latest-fill")).toContainText(/ausgeführt \(gekauft, Order \d+\)/);
  expect(await announcementsOf(page, /gekauft|ausgeführt/)).toHaveLength(1);

  // A price alert, set and worded in German with German numbers.
  const alerts = page.getByRole("region", { name: "Preisalarme" });
  await alerts.getByRole("button", { name: "Preisalarm" }).click();
  const dialog = page.getByRole("dialog", { name: "Preisalarm für BTC-USDT" });
  await dialog.getByLabel("Bedingung").selectOption({ label: "Preis steigt auf" });
  await dialog.getByLabel("Alarmpreis").fill("999999");
  await dialog.getByRole("button", { name: "Alarm setzen" }).click();
  await expect(alerts.getByRole("status").first()).toHaveText(
    "Alarm gesetzt: BTC-USDT über 999.999,00",
  );
  await expect(
    alerts.getByRole("button", { name: "Alarm BTC-USDT über 999.999,00 löschen" }),
  ).toBeVisible();
});
