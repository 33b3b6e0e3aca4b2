import { expect, signInNewUser, test } from "./fixtures";
import { callApi, pageUntilVisible, severeViolations, useTheme } from "./page-helpers";
import { adminAccount, enableTwoFactorByApi, logIn, openAdminBrowser } from "./security-helpers";

test.describe.configure({ timeout: 120_000 });

const ADMIN_PAGES = ["/admin", "/admin/withdrawals", "/admin/users", "/admin/audit"];
const ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE";

test("a trader cannot open an admin page: the server answers 404, the menu has no Admin, the API refuses", async ({
  signIn,
  page,
  baseURL,
}) => {
  await signIn();
  await page.goto("/");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Account" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Admin" })).toHaveCount(0);
  for (const path of ADMIN_PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  // The data behind them is refused too, whatever a script asks for.
  const refused = await page.request.get("/trpc/admin.auditLog");
  expect(refused.status()).toBe(403);
  await expect(
    callApi(page.request, baseURL ?? "", "admin.haltMarket", { symbol: "BTC-USDT" }),
  ).rejects.toThrow(/403/);
});

test("signed out, an admin page sends you to log in and back", async ({ page }) => {
  await page.goto("/admin/users");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fadmin%2Fusers/);
  await page.getByLabel("Email").fill(adminAccount().email);
  await page.getByLabel("Password").fill(adminAccount().password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { name: "Users" })).toBeVisible();
});

test("an admin opens a market (a refused rule at its field), halts it and resumes it", async ({
  page,
}) => {
  await logIn(page, adminAccount());
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }).click();
  await expect(page.getByRole("heading", { name: "Admin", level: 1 })).toBeVisible();
  const form = page.getByRole("region", { name: "New market" });
  await form.getByLabel("Base asset").selectOption("SOL");
  await form.getByLabel("Quote asset").selectOption("ETH");
  await form.getByLabel("Tick size").fill("0.00001");
  await form.getByLabel("Lot size").fill("0.01");
  await form.getByLabel("Minimum quantity").fill("500");
  await form.getByLabel("Maximum quantity").fill("100");
  await form.getByLabel("Minimum order value").fill("0.001");
  await form.getByLabel("Maximum price").fill("100");
  await form.getByRole("button", { name: "Create market" }).click();
  await expect(form.getByLabel("Minimum quantity")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByText("Must not be above maxQuantity")).toBeVisible();

  await form.getByLabel("Minimum quantity").fill("0.01");
  await form.getByRole("button", { name: "Create market" }).click();
  await expect(form.getByRole("status")).toHaveText("SOL-ETH is open for trading.");
  const markets = page.getByRole("table", { name: "Markets" });
  const row = markets.getByRole("row", { name: /SOL-ETH/ });
  await expect(row).toContainText("Trading");

  await row.getByRole("button", { name: "Halt SOL-ETH" }).click();
  await expect(row).toContainText("Halted");
  const list = await callApi<Array<{ symbol: string; status: string }>>(
    page.request,
    "",
    "market.list",
    undefined,
    "query",
  );
  expect(list.find((m) => m.symbol === "SOL-ETH")?.status).toBe("halted");
  await row.getByRole("button", { name: "Resume SOL-ETH" }).click();
  await expect(row).toContainText("Trading");
});

test("an admin rejects a withdrawal with a reason; the trader gets amount and fee back", async ({
  signIn,
  page,
  browser,
  baseURL,
}) => {
  const trader = await signIn({ USDT: "500" });
  const origin = baseURL ?? "";
  const app = await enableTwoFactorByApi(page, origin, trader.password);
  const withdrawal = await callApi<{ id: string; amount: string }>(
    page.request,
    origin,
    "wallet.withdraw",
    { asset: "USDT", amount: "50", address: ADDRESS, totpCode: await app.nextCode() },
  );
  const admin = await openAdminBrowser(browser);
  try {
    await admin.page.goto("/admin/withdrawals");
    const what = `withdrawal ${withdrawal.id} of ${withdrawal.amount} USDT`;
    const reject = await pageUntilVisible(admin.page, `Reject ${what}…`);
    await expect(
      admin.page.getByRole("listitem").filter({ hasText: `#${withdrawal.id}` }),
    ).toContainText("Approvals: 0 of 1");
    await reject.click();
    await admin.page
      .getByLabel(`Reason for rejecting #${withdrawal.id}`)
      .fill("Address unverified");
    await admin.page.getByRole("button", { name: `Confirm rejecting ${what}` }).click();
    await expect(admin.page.getByText(`Withdrawal #${withdrawal.id} rejected`)).toBeVisible();
    await expect(admin.page.getByRole("button", { name: `Approve ${what}` })).toHaveCount(0);
  } finally {
    await admin.context.close();
  }
  const history = await callApi<{ items: Array<{ id: string; status: string; note: string }> }>(
    page.request,
    origin,
    "wallet.transactions",
    {},
    "query",
  );
  expect(history.items.find((t) => t.id === withdrawal.id)).toMatchObject({
    status: "rejected",
    note: "Address unverified",
  });
});

test("an admin finds a user, makes them admin (the server lets them in), and the audit log shows who did it", async ({
  signIn,
  page,
  browser,
}) => {
  const trader = await signIn();
  const admin = await openAdminBrowser(browser);
  try {
    const ops = admin.page;
    await ops.goto("/admin/users");
    await ops.getByRole("searchbox", { name: "Search users" }).fill(trader.username);
    await ops.getByRole("button", { name: "Search" }).click();
    const users = ops.getByRole("table", { name: "Accounts" });
    await expect(users.getByRole("row")).toHaveCount(2);
    const row = users.getByRole("row", { name: new RegExp(trader.username) });
    await expect(row).toContainText(trader.email);
    await row.getByRole("button", { name: `Make ${trader.username} an admin` }).click();
    await expect(row).toContainText("Admin");

    const response = await page.goto("/admin/audit");
    expect(response?.status()).toBe(200);
    await expect(
      page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Admin" }),
    ).toBeVisible();

    await row.getByRole("button", { name: `Make ${trader.username} a user` }).click();
    await expect(row).toContainText("User");
    expect((await page.goto("/admin/audit"))?.status()).toBe(404);

    await ops.goto("/admin/audit");
    await ops.getByLabel("Actor").fill(adminAccount().email);
    await ops.getByLabel("Action").fill("user.role_changed");
    await ops.getByRole("button", { name: "Filter" }).click();
    const entries = ops.getByRole("table", { name: "Audit log entries" });
    const mine = entries.getByRole("row", { name: new RegExp(trader.username) });
    await expect(mine).toHaveCount(2);
    await expect(mine.first()).toContainText("previousRole: admin");
    await expect(mine.last()).toContainText("role: admin");
    await expect(entries.getByRole("row").nth(1)).toContainText("e2e_admin");
    // Another family of actions: the trader's own sign-up, filtered by their name.
    await ops.getByLabel("Actor").fill(trader.username);
    await ops.getByLabel("Action").fill("user.");
    await ops.getByRole("button", { name: "Filter" }).click();
    await expect(entries.getByRole("row", { name: /user\.registered/ })).toHaveCount(1);
  } finally {
    await admin.context.close();
  }
});

for (const theme of ["light", "dark"] as const) {
  test(`admin pages have no serious accessibility violation in the ${theme} theme`, async ({
    page,
    browser,
    context,
    baseURL,
  }) => {
    // A withdrawal waiting for review, so the queue is checked with a row (and its reject form).
    const trader = await browser.newContext();
    const traderPage = await trader.newPage();
    const origin = baseURL ?? "";
    const account = await signInNewUser(trader, origin, { USDT: "100" });
    const app = await enableTwoFactorByApi(traderPage, origin, account.password);
    await callApi(traderPage.request, origin, "wallet.withdraw", {
      asset: "USDT",
      amount: "20",
      address: ADDRESS,
      totpCode: await app.nextCode(),
    });
    await trader.close();

    await logIn(page, adminAccount());
    await useTheme(context, origin, theme);
    for (const path of ADMIN_PAGES) {
      await page.goto(path);
      await expect(page.getByRole("heading", { name: "Admin", level: 1 })).toBeVisible();
      if (path === "/admin/withdrawals") {
        await page
          .getByRole("button", { name: /^Reject withdrawal/ })
          .first()
          .click();
      }
      expect(await severeViolations(page), `${path} in ${theme}`).toEqual([]);
      await page.screenshot({
        path: test
          .info()
          .outputPath(`admin${path.slice(6).replaceAll("/", "-") || "-markets"}-${theme}.png`),
        fullPage: true,
      });
    }
    await page.setViewportSize({ width: 390, height: 844 });
    for (const path of ADMIN_PAGES) {
      await page.goto(path);
      await page.screenshot({
        path: test
          .info()
          .outputPath(`admin${path.slice(6).replaceAll("/", "-") || "-markets"}-${theme}-390.png`),
        fullPage: true,
      });
      // Nothing sticks out sideways (wide tables scroll inside their own box).
      const wider = await page.evaluate(() => {
        const root = document.documentElement;
        if (root.scrollWidth <= root.clientWidth) return [];
        // What sticks out, for the failure message.
        return [...document.querySelectorAll("body *")]
          .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
          .map((element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 80));
      });
      expect(wider, `${path} at 390 px`).toEqual([]);
    }
  });
}
