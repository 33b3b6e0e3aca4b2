import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext } from "@playwright/test";

/**
 * Every script a page loads (its own chunks and the lazy ones it pulls in once live), gzipped
 * here with zlib's default level so the figure does not depend on the server's compression.
 * Returns the total and each file's share, largest first; no total (NaN, with the problem) when
 * the page or any of its scripts failed to load.
 *
 * @example
 * const { gzipBytes } = await measureScriptWeight(browser, `${url}/`);
 */
export async function measureScriptWeight(
  browser: Browser,
  url: string,
  cookies: Parameters<BrowserContext["addCookies"]>[0] = [],
) {
  const context = await browser.newContext();
  await context.addCookies(cookies);
  try {
    const page = await context.newPage();
    const scripts: Promise<{ url: string; gzipBytes: number }>[] = [];
    const failed: string[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      if (!response.ok()) failed.push(`${response.status()} ${response.url()}`);
      scripts.push(
        response.body().then((body) => ({ url: response.url(), gzipBytes: gzipSync(body).length })),
      );
    });
    const answer = await page.goto(url, { waitUntil: "networkidle" });
    // Lazy chunks (the chart) load after hydration; give them time to arrive.
    await page.waitForTimeout(2_000);
    const files = (await Promise.all(scripts)).sort((a, b) => b.gzipBytes - a.gzipBytes);
    // A page that failed, or scripts that did not load (a rebuild of apps/web replaced them
    // while the bench ran), would be weighed too light: no figure rather than a wrong one.
    const problem = !answer?.ok()
      ? `the page answered ${answer?.status() ?? "nothing"}`
      : failed.length > 0
        ? `scripts failed to load: ${failed.join(", ")}`
        : files.length === 0
          ? "the page loaded no script"
          : undefined;
    return {
      gzipBytes: problem ? Number.NaN : files.reduce((sum, file) => sum + file.gzipBytes, 0),
      files,
      problem,
    };
  } finally {
    await context.close();
  }
}
