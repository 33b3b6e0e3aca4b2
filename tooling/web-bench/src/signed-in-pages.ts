import { findFreePort } from "@cryptotrade/testing/free-port";
import type { Browser } from "@playwright/test";
import { launchChromium } from "./browser";
import type { Figure } from "./figure";
import { lighthouseFigures } from "./lighthouse-figures";
import { runLighthouse } from "./lighthouse-scores";
import { measureOfflineReload } from "./offline-page";
import { measureScriptWeight } from "./page-weight";

const KB = 1024;
const OFFLINE_RELOADS = 10;

/**
 * Issue 13's figures for the pages only a signed-in trader sees: each page's JavaScript
 * (≤ 200 KB gzip), Lighthouse on portfolio and wallet in English and German (accessibility and
 * best practices ≥ 95, performance ≥ 90), and a reload served from the service worker's offline page (≤ 200 ms).
 * `sessionToken` is a trader's session, sent as the embedded setup's (non-Secure) cookie.
 *
 * @example
 * figures.push(...(await measureSignedInPages(browser, url, trader.sessionToken)));
 */
export async function measureSignedInPages(
  browser: Browser,
  url: string,
  sessionToken: string,
): Promise<Figure[]> {
  const cookies = [{ name: "ct_session", value: sessionToken, url }];
  const figures: Figure[] = [];
  for (const page of ["portfolio", "wallet", "account"] as const) {
    const weight = await measureScriptWeight(browser, `${url}/${page}`, cookies);
    figures.push({
      name: `weight: ${page} page JS (gzip)`,
      value: weight.gzipBytes / KB,
      unit: "KB",
      target: { op: "≤", value: 200 },
      ...(weight.problem ? { note: weight.problem } : {}),
    });
  }

  const port = await findFreePort();
  const lighthouseBrowser = await launchChromium([`--remote-debugging-port=${port}`]);
  try {
    for (const page of ["portfolio", "wallet"] as const) {
      for (const language of ["en", "de"] as const) {
        const german = language === "de";
        const scores = await runLighthouse(
          `${url}/${page}`,
          lighthouseBrowser,
          port,
          { ct_session: sessionToken, ...(german ? { ct_lang: "de" } : {}) },
          german ? "de" : undefined,
        );
        figures.push(...lighthouseFigures(`${page}${german ? " (de)" : ""}`, scores));
      }
    }
  } finally {
    await lighthouseBrowser.close();
  }

  const offline = await measureOfflineReload(browser, `${url}/portfolio`, cookies, OFFLINE_RELOADS);
  figures.push({
    name: "offline page from the worker p50",
    value: offline.p50,
    unit: "ms",
    target: { op: "≤", value: 200 },
    note: `${offline.samples.length} reloads with the network cut; slowest ${offline.max.toFixed(1)} ms`,
  });
  return figures;
}
