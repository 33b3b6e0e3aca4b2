import type { Browser } from "@playwright/test";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  /** The two metrics that weigh most in the performance score, ms. */
  largestContentfulPaintMs: number;
  totalBlockingTimeMs: number;
  /** Titles of the accessibility and best-practices audits that did not pass, or why none ran. */
  failing: string[];
}

/**
 * Lighthouse (desktop preset) on one page, in the Chromium that `browser` runs with a remote
 * debugging port `port`; scores are 0–100. `cookies` go into that browser's cookie jar before
 * the run, as a signed-in trader's browser holds them: a `Cookie` header (Lighthouse's
 * extraHeaders) reaches the page's own requests but not the service worker's, so the worker's
 * calls went out signed out and the page left for /login, which was then what got scored.
 *
 * @example
 * const browser = await launchChromium([`--remote-debugging-port=${port}`]);
 * const scores = await runLighthouse(`${url}/portfolio`, browser, port, { ct_session: token });
 */
export async function runLighthouse(
  url: string,
  browser: Browser,
  port: number,
  cookies: Readonly<Record<string, string>> = {},
  /** An `Accept-Language` header (the app falls back to it without a language cookie). */
  acceptLanguage?: string,
): Promise<LighthouseScores> {
  const flags = {
    port,
    ...(acceptLanguage ? { extraHeaders: { "Accept-Language": acceptLanguage } } : {}),
    output: "json" as const,
    logLevel: "error" as const,
    onlyCategories: ["performance", "accessibility", "best-practices"],
  };
  // The jar is set again before every run: the session cookie does not outlive one.
  const run = async () => {
    await putCookies(browser, url, cookies);
    return lighthouse(url, flags, desktopConfig);
  };
  let result = await run();
  // On a loaded machine the trace now and then misses its start (NO_NAVSTART); Lighthouse
  // itself says to run again, so one more run before the page scores nothing.
  if (result?.lhr.runtimeError) result = await run();
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits, runtimeError, finalDisplayedUrl } = result.lhr;
  const score = (id: string) => Math.round((categories[id]?.score ?? Number.NaN) * 100);
  const failing = ["accessibility", "best-practices"].flatMap((id) =>
    (categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${id}: ${audits[ref.id]?.title ?? ref.id}`),
  );
  // A page that failed to load (or a build replaced under the server) scores nothing: say why.
  if (runtimeError)
    failing.unshift(`Lighthouse could not run: ${runtimeError.code} ${runtimeError.message}`);
  // A page that sent Lighthouse elsewhere (a lost sign-in ends on /login) was not the one scored.
  if (new URL(finalDisplayedUrl).pathname !== new URL(url).pathname)
    failing.unshift(`scored ${finalDisplayedUrl}, not ${url}`);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    largestContentfulPaintMs: audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
    totalBlockingTimeMs: audits["total-blocking-time"]?.numericValue ?? Number.NaN,
    failing,
  };
}

/**
 * Leaves exactly `cookies` (for `url`'s origin) in the browser's default context, the one
 * Lighthouse drives: nothing from an earlier run (a German run's language) carries over.
 */
async function putCookies(
  browser: Browser,
  url: string,
  cookies: Readonly<Record<string, string>>,
): Promise<void> {
  const session = await browser.newBrowserCDPSession();
  try {
    await session.send("Storage.clearCookies", {});
    const entries = Object.entries(cookies);
    if (entries.length === 0) return;
    await session.send("Storage.setCookies", {
      cookies: entries.map(([name, value]) => ({ name, value, url })),
    });
  } finally {
    await session.detach();
  }
}
