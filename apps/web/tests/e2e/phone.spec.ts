import { expect, type Locator, type Page, test } from "@playwright/test";
import { signInNewUser } from "./fixtures";
import { severeViolations, useTheme } from "./page-helpers";
import { openQuietMarket } from "./quiet-market";

test.use({ viewport: { width: 390, height: 844 } });

// The book a price is picked from, in a market of this file's own: the demo's levels move.
const PICK_MARKET = {
  baseAsset: "BTC",
  quoteAsset: "SOL",
  tickSize: "0.01",
  lotSize: "0.0001",
  minQuantity: "0.0001",
  maxQuantity: "1000",
  minNotional: "0.1",
  maxPrice: "100000",
};
const PICK_BOOK = {
  asks: [{ price: "433.50", quantity: "0.0100" }],
  bids: [
    { price: "432.50", quantity: "0.0100" },
    { price: "432.00", quantity: "0.0200" },
  ],
};

async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** Every visible control of the trade page's tab bar, form and account panel is ≥ 44 px tall. */
async function expectBigTouchTargets(page: Page) {
  const small = await page.evaluate(() => {
    const areas =
      '[role="tablist"], [aria-label="Place order"], [aria-label="Your orders and balances"]';
    const controls = document.querySelectorAll(
      `:is(${areas}) :is(button, select, input:not([type="checkbox"], [type="radio"], [type="hidden"]), label:has(> input[type="checkbox"]), label:has(> input[type="radio"]) > span)`,
    );
    return [...controls]
      .filter((control) => control.checkVisibility())
      .map((control) => ({ control, box: control.getBoundingClientRect() }))
      .filter(({ box }) => box.height < 44)
      .map(({ control, box }) => `${control.outerHTML.slice(0, 80)}: ${box.height}px`);
  });
  expect(small).toEqual([]);
}

test("the pages fit a 390 px phone", async ({ page, context, baseURL }) => {
  await page.goto("/");
  await expect(page.getByRole("table", { name: "Markets" })).toBeVisible();
  // The theme switch is folded into the header's menu on a phone.
  await expect(page.getByRole("group", { name: "Theme" })).toBeHidden();
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("group", { name: "Theme" })).toBeVisible();
  await expectNoSidewaysScroll(page);

  await page.goto("/trade/BTC-USDT");
  await expect(page.getByText("Last price (USDT)")).toBeVisible();
  await expectNoSidewaysScroll(page);

  await signInNewUser(context, baseURL ?? "");
  await page.goto("/");
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(page.getByRole("button", { name: "Log out" })).toBeVisible();
  await expectNoSidewaysScroll(page);
});

/** The box of what `locator` finds, failing when it is not laid out. */
async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} has no box`);
  return box;
}

for (const [locale, words] of [
  ["en-US", { menu: "Menu", bell: /^Notifications/, centre: "Notifications", logOut: "Log out" }],
  [
    "de-DE",
    { menu: "Menü", bell: /^Benachrichtigungen/, centre: "Benachrichtigungen", logOut: "Abmelden" },
  ],
] as const) {
  test.describe(locale, () => {
    test.use({ locale });

    test(`the header is one line at 390 px, and its menu and the bell's panel never overlap (${locale})`, async ({
      page,
      context,
      baseURL,
    }) => {
      await signInNewUser(context, baseURL ?? "");
      await page.goto("/trade/BTC-USDT");
      const header = page.getByRole("banner");
      const logo = header.getByRole("link", { name: "CryptoTrade" });
      const bell = header.getByRole("button", { name: words.bell });
      const menu = header.getByRole("button", { name: words.menu });
      // One row: the logo, the bell and the menu button share a line, and the header is no
      // taller than that line with its padding.
      const row = [await boxOf(logo), await boxOf(bell), await boxOf(menu)];
      const middles = row.map((box) => box.y + box.height / 2);
      expect(Math.max(...middles) - Math.min(...middles)).toBeLessThan(4);
      expect((await boxOf(header)).height).toBeLessThanOrEqual(72);
      for (const box of row) expect(box.x + box.width).toBeLessThanOrEqual(390);
      // Icon-only buttons big enough for a thumb.
      for (const button of [bell, menu])
        expect((await boxOf(button)).height).toBeGreaterThanOrEqual(36);

      const logOut = page.getByRole("button", { name: words.logOut });
      const centre = page.getByRole("region", { name: words.centre, exact: true });
      await menu.click();
      await expect(logOut).toBeVisible();
      const menuBox = await boxOf(logOut);
      expect(menuBox.x).toBeGreaterThanOrEqual(0);
      expect(menuBox.x + menuBox.width).toBeLessThanOrEqual(390);
      // Opening the bell closes the menu, and the other way round.
      await bell.click();
      await expect(centre).toBeVisible();
      await expect(logOut).toBeHidden();
      const centreBox = await boxOf(centre);
      expect(centreBox.x).toBeGreaterThanOrEqual(0);
      expect(centreBox.x + centreBox.width).toBeLessThanOrEqual(390);
      await menu.click();
      await expect(logOut).toBeVisible();
      await expect(centre).toBeHidden();
    });
  });
}

test("a phone shows the chart, book, tape and form one tab at a time", async ({ page }) => {
  await page.goto("/trade/BTC-USDT");
  const tabs = page.getByRole("tablist", { name: "Trading views" });
  const tab = (name: string) => tabs.getByRole("tab", { name });
  await expect(tab("Chart")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tabpanel", { name: "Chart" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Price chart" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Order book" })).toBeHidden();

  await tab("Book").click();
  await expect(tab("Book")).toHaveAttribute("aria-selected", "true");
  await expect(tab("Chart")).toHaveAttribute("aria-selected", "false");
  await expect(page.getByRole("tabpanel", { name: "Book" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Order book" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Price chart" })).toBeHidden();
  await expectNoSidewaysScroll(page);

  // The arrow keys move between tabs, as in every tab bar.
  await tab("Book").focus();
  await page.keyboard.press("ArrowRight");
  await expect(tab("Trades")).toBeFocused();
  await expect(tab("Trades")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("table", { name: "Recent trades" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Order book" })).toBeHidden();
  await expectNoSidewaysScroll(page);

  await page.keyboard.press("ArrowRight");
  await expect(tab("Buy / Sell")).toHaveAttribute("aria-selected", "true");
  // The tab holds the order form and, for a trader, the market's price alerts.
  const form = page.getByRole("tabpanel", { name: "Buy / Sell" });
  await expect(form.getByRole("region", { name: "Place order" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Log in" }).last()).toBeVisible();
  await page.keyboard.press("Home");
  await expect(tab("Chart")).toHaveAttribute("aria-selected", "true");
});

test("the order form opens from the tab bar with its Buy button in the first 1,000 px", async ({
  page,
  context,
  baseURL,
}) => {
  await signInNewUser(context, baseURL ?? "", { USDT: "1000" });
  for (const width of [360, 390]) {
    await page.setViewportSize({ width, height: 844 });
    await page.goto("/trade/BTC-USDT");
    const buy = page.getByRole("button", { name: "Buy BTC" });
    await expect(buy).toBeHidden();
    await page.getByRole("tab", { name: "Buy / Sell" }).click();
    await expect(buy).toBeVisible();
    // Buy is on the first screen the tab shows (it sticks to the screen's bottom), whole.
    await expect(buy).toBeInViewport({ ratio: 1 });
    // The form comes up under the sticky tab bar: Buy ends within the first 1,000 px from the
    // top of the screen, and the tab bar stays on it.
    const box = await buy.boundingBox();
    expect(box?.y).toBeGreaterThan(0);
    expect((box?.y ?? Infinity) + (box?.height ?? 0)).toBeLessThanOrEqual(1000);
    await expect(page.getByRole("tab", { name: "Buy / Sell" })).toBeInViewport();
    await expectBigTouchTargets(page);
    await expectNoSidewaysScroll(page);
  }
});

test("a price picked in the phone's book opens the form with that price", async ({
  page,
  context,
  baseURL,
}) => {
  const symbol = await openQuietMarket(baseURL ?? "", PICK_MARKET, PICK_BOOK);
  await signInNewUser(context, baseURL ?? "", { SOL: "1000" });
  await page.goto(`/trade/${symbol}`);
  await page.getByRole("tab", { name: "Book" }).click();
  await page.getByRole("button", { name: "Use price 432.50", exact: true }).click();
  await expect(page.getByRole("tab", { name: "Buy / Sell" })).toHaveAttribute(
    "aria-selected",
    "true",
  );
  await expect(page.getByRole("textbox", { name: "Price" })).toHaveValue("432.50");
});

test("the phone's trade page has no serious accessibility violation, light and dark", async ({
  page,
  context,
  baseURL,
}) => {
  // Six axe runs over a live page on a shared 2-core machine.
  test.setTimeout(120_000);
  await signInNewUser(context, baseURL ?? "", { USDT: "1000" });
  for (const theme of ["light", "dark"] as const) {
    await useTheme(context, baseURL ?? "", theme);
    await page.goto("/trade/BTC-USDT");
    await expect(page.getByTestId("live-status")).toHaveText("Live");
    for (const name of ["Chart", "Book", "Buy / Sell"]) {
      await page.getByRole("tab", { name }).click();
      await expect(page.getByRole("tab", { name })).toHaveAttribute("aria-selected", "true");
      expect(await severeViolations(page), `${theme}, ${name}`).toEqual([]);
    }
  }
});

test("the app is installable: a manifest with its icons, standalone, themed", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(href).toBe("/manifest.webmanifest");
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute(
    "content",
    /^#[0-9a-f]{6}$/i,
  );
  const manifest = await (await request.get(href ?? "")).json();
  expect(manifest).toMatchObject({
    name: expect.any(String),
    short_name: expect.any(String),
    start_url: "/",
    display: "standalone",
    theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
    background_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
  });
  const icons: { src: string; sizes: string; type: string; purpose?: string }[] = manifest.icons;
  const purposes = (size: string) =>
    icons
      .filter((icon) => icon.sizes === size)
      .flatMap((icon) => (icon.purpose ?? "any").split(" "));
  expect(purposes("192x192")).toContain("any");
  expect(purposes("512x512")).toEqual(expect.arrayContaining(["any", "maskable"]));
  for (const icon of icons) {
    const response = await request.get(icon.src);
    expect(response.headers()["content-type"], icon.src).toBe("image/png");
    // A PNG's IHDR chunk holds its width and height at bytes 16-23.
    const png = await response.body();
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`, icon.src).toBe(icon.sizes);
  }
  // The service worker that makes it an app is registered.
  await expect
    .poll(() =>
      page.evaluate(
        async () => (await navigator.serviceWorker.getRegistration())?.active?.scriptURL,
      ),
    )
    .toMatch(/\/sw\.js$/);
});
