import { type Browser, chromium } from "@playwright/test";

/** Debian's Chromium; Playwright's own browser builds cannot be downloaded here. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** The flags every browser of the project runs with (docs: common rules, playwright.config.ts). */
const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * Debian's Chromium driven by Playwright, with the project's flags plus `extraArgs`.
 *
 * @example
 * const browser = await launchChromium();
 */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_FLAGS, ...extraArgs],
  });
}
