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
 * debugging port; scores are 0–100.
 *
 * @example
 * const browser = await launchChromium([`--remote-debugging-port=${port}`]);
 * const scores = await runLighthouse(`${url}/`, port);
 */
export async function runLighthouse(
  url: string,
  port: number,
  /** A `Cookie` header, for pages only a signed-in trader sees. */
  cookie?: string,
  /** An `Accept-Language` header (the app falls back to it without a language cookie). */
  acceptLanguage?: string,
): Promise<LighthouseScores> {
  const headers = {
    ...(cookie ? { Cookie: cookie } : {}),
    ...(acceptLanguage ? { "Accept-Language": acceptLanguage } : {}),
  };
  const flags = {
    port,
    ...(Object.keys(headers).length > 0 ? { extraHeaders: headers } : {}),
    output: "json" as const,
    logLevel: "error" as const,
    onlyCategories: ["performance", "accessibility", "best-practices"],
  };
  let result = await lighthouse(url, flags, desktopConfig);
  // On a loaded machine the trace now and then misses its start (NO_NAVSTART); Lighthouse
  // itself says to run again, so one more run before the page scores nothing.
  if (result?.lhr.runtimeError) result = await lighthouse(url, flags, desktopConfig);
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits, runtimeError } = result.lhr;
  const score = (id: string) => Math.round((categories[id]?.score ?? Number.NaN) * 100);
  const failing = ["accessibility", "best-practices"].flatMap((id) =>
    (categories[id]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${id}: ${audits[ref.id]?.title ?? ref.id}`),
  );
  // A page that failed to load (or a build replaced under the server) scores nothing: say why.
  if (runtimeError)
    failing.unshift(`Lighthouse could not run: ${runtimeError.code} ${runtimeError.message}`);
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    largestContentfulPaintMs: audits["largest-contentful-paint"]?.numericValue ?? Number.NaN,
    totalBlockingTimeMs: audits["total-blocking-time"]?.numericValue ?? Number.NaN,
    failing,
  };
}
