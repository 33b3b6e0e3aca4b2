import type { Browser, BrowserContext } from "@playwright/test";
import { percentile } from "./percentile";

/**
 * How long a reload takes to show the offline page once the network is gone: the service
 * worker answers navigations from its cache. Signs in with `cookies`, lets the worker install
 * on `url`, cuts the network, and times `reloads` reloads until the offline page's heading shows.
 *
 * @example
 * const { p50, max } = await measureOfflineReload(browser, `${url}/portfolio`, cookies, 10);
 */
export async function measureOfflineReload(
  browser: Browser,
  url: string,
  cookies: Parameters<BrowserContext["addCookies"]>[0],
  reloads: number,
): Promise<{ p50: number; max: number; samples: number[] }> {
  const context = await browser.newContext();
  try {
    await context.addCookies(cookies);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: "networkidle" });
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The first load after install is not yet controlled by the worker: load once more.
    await page.reload({ waitUntil: "networkidle" });
    await context.setOffline(true);
    const samples: number[] = [];
    for (let i = 0; i < reloads; i++) {
      const started = performance.now();
      await page.reload({ waitUntil: "domcontentloaded" });
      await page.getByRole("heading", { name: /offline/i }).waitFor();
      samples.push(performance.now() - started);
    }
    return { p50: percentile(samples, 50), max: Math.max(...samples), samples };
  } finally {
    await context.close();
  }
}
