import AxeBuilder from "@axe-core/playwright";
import type { APIRequestContext, BrowserContext, Page } from "@playwright/test";

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
