import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const PAGES = ["/", "/login", "/signup", "/trade/BTC-USDT", "/no/such/page"];

for (const theme of ["light", "dark"] as const) {
  test(`no serious or critical accessibility violation in the ${theme} theme`, async ({
    page,
    context,
    baseURL,
  }) => {
    // Five pages, each loaded and analysed by axe: more than one page's default time.
    test.setTimeout(90_000);
    await context.addCookies([{ name: "theme", value: theme, url: baseURL ?? "" }]);
    for (const path of PAGES) {
      await page.goto(path);
      const html = page.locator("html");
      await (theme === "dark"
        ? expect(html).toHaveClass("dark")
        : expect(html).not.toHaveClass("dark"));
      const results = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
        .analyze();
      const severe = results.violations
        .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
        .map((violation) => ({
          id: violation.id,
          help: violation.help,
          targets: violation.nodes.map((node) => node.target.join(" ")),
        }));
      expect(severe, `${path} in ${theme}`).toEqual([]);
    }
  });
}
