import { gzipSync } from "node:zlib";
import type { Browser } from "@playwright/test";

/**
 * Every script a page loads (its own chunks and the lazy ones it pulls in once live), gzipped
 * here with zlib's default level so the figure does not depend on the server's compression.
 * Returns the total and each file's share, largest first.
 *
 * @example
 * const { gzipBytes } = await measureScriptWeight(browser, `${url}/`);
 */
export async function measureScriptWeight(browser: Browser, url: string) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const scripts: Promise<{ url: string; gzipBytes: number }>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      scripts.push(
        response.body().then((body) => ({ url: response.url(), gzipBytes: gzipSync(body).length })),
      );
    });
    await page.goto(url, { waitUntil: "networkidle" });
    // Lazy chunks (the chart) load after hydration; give them time to arrive.
    await page.waitForTimeout(2_000);
    const files = (await Promise.all(scripts)).sort((a, b) => b.gzipBytes - a.gzipBytes);
    return { gzipBytes: files.reduce((sum, file) => sum + file.gzipBytes, 0), files };
  } finally {
    await context.close();
  }
}
