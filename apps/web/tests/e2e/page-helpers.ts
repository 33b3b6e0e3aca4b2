import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, type BrowserContext, expect, type Page } from "@playwright/test";

/**
 * Calls a procedure over HTTP with the page's cookies, as the browser's client does; throws,
 * naming the status and the server's message, unless it succeeded.
 */
export async function callApi<T>(
  request: APIRequestContext,
  baseURL: string,
  path: string,
  input?: unknown,
  method: "query" | "mutation" = "mutation",
): Promise<T> {
  const response =
    method === "query"
      ? await request.get(
          `/trpc/${path}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`,
        )
      : await request.post(`/trpc/${path}`, {
          headers: { origin: baseURL, "content-type": "application/json" },
          data: { json: input ?? null },
        });
  const body = (await response.json()) as {
    result?: { data: { json: T } };
    error?: { json: { message: string } };
  };
  if (response.status() !== 200 || !body.result) {
    throw new Error(`${path}: ${response.status()} ${body.error?.json.message ?? ""}`);
  }
  return body.result.data.json;
}

/** The serious and critical axe violations of the page as it is now. */
export async function severeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => ({
      id: violation.id,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(" ")),
    }));
}

/** Sets the theme cookie, so the next page load renders in that theme. */
export async function useTheme(context: BrowserContext, baseURL: string, theme: "light" | "dark") {
  await context.addCookies([{ name: "theme", value: theme, url: baseURL }]);
}

/**
 * Clicks "Next page" until the button named `name` is on the page (the withdrawal queue is
 * shared by every test), and returns it. The pages change without a page load, so each click
 * waits until the link points further on (or is gone at the end): the next page is on screen.
 */
export async function pageUntilVisible(page: Page, name: string) {
  const target = page.getByRole("button", { name });
  const next = page.getByRole("link", { name: "Next page" });
  for (let pages = 0; pages < 20 && !(await target.isVisible()); pages++) {
    const href = (await next.getAttribute("href")) ?? "";
    await next.click();
    await expect(next.and(page.locator(`[href=${JSON.stringify(href)}]`))).toHaveCount(0);
  }
  return target;
}
