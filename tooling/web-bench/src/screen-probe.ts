import type { Page } from "@playwright/test";

/** What the in-page probe keeps on `window.__screenProbe`. */
interface ScreenProbe {
  /** Price as the book shows it → the same price as the API writes it (full precision). */
  watch: Map<string, string>;
  /** Shown price → performance.now() when a row with it entered the order book. */
  seen: Map<string, number>;
  /** Shown price → performance.now() when a socket frame naming it arrived. */
  frames: Map<string, number>;
}
type ProbeWindow = Window & { __screenProbe?: ScreenProbe };

/**
 * Installed before the page's own scripts: wraps WebSocket so every incoming frame is stamped
 * (the baseline: when the diff reached the page), and watches the DOM for order book rows of
 * the prices asked for. Runs in the page, so it may use only what it defines itself.
 */
function installScreenProbe(): void {
  const probe: ScreenProbe = { watch: new Map(), seen: new Map(), frames: new Map() };
  (window as ProbeWindow).__screenProbe = probe;
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      this.addEventListener("message", (event: MessageEvent) => {
        const now = performance.now();
        if (probe.watch.size === 0 || typeof event.data !== "string") return;
        for (const [shown, raw] of probe.watch) {
          if (!probe.frames.has(shown) && event.data.includes(`"${raw}"`)) {
            probe.frames.set(shown, now);
          }
        }
      });
    }
  };
  const observer = new MutationObserver(() => {
    // Stamped first: the row is in the DOM from this microtask on, painted at the next frame.
    const now = performance.now();
    if (probe.watch.size === 0) return;
    const book = document.querySelector('table[aria-label="Order book"]');
    if (!book) return;
    for (const shown of probe.watch.keys()) {
      if (probe.seen.has(shown)) continue;
      if (book.querySelector(`button[aria-label="Use price ${shown}"]`)) probe.seen.set(shown, now);
    }
  });
  // No named inner functions: the bundler would wrap them in a helper the page does not have.
  const options = {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    attributeFilter: ["aria-label"],
  };
  if (document.body) observer.observe(document.body, options);
  else {
    document.addEventListener("DOMContentLoaded", () => observer.observe(document.body, options), {
      once: true,
    });
  }
}

/**
 * The probe in a page, before it loads, and the bench's handle on it.
 *
 * @example
 * const probe = await attachScreenProbe(page);
 * await page.goto(url);
 * await probe.watch("65000.12", "65000.120000");
 */
export async function attachScreenProbe(page: Page) {
  await page.addInitScript(installScreenProbe);
  return {
    /** Starts looking for a price (as shown, and as the API writes it). */
    watch: (shown: string, raw: string) =>
      page.evaluate(
        ([s, r]) => (window as ProbeWindow).__screenProbe?.watch.set(s, r) && undefined,
        [shown, raw] as const,
      ),
    /**
     * Waits until the price's row is in the book, then returns when (page epoch ms) it entered
     * and when its socket frame arrived, and stops watching it. Undefined after `timeoutMs`.
     */
    collect: async (shown: string, timeoutMs: number) => {
      const appeared = await page
        .waitForFunction(
          (s) => (window as ProbeWindow).__screenProbe?.seen.has(s) ?? false,
          shown,
          { timeout: timeoutMs, polling: 10 },
        )
        .then(
          () => true,
          () => false,
        );
      return page.evaluate(
        ([s, ok]) => {
          const probe = (window as ProbeWindow).__screenProbe;
          const seen = probe?.seen.get(s);
          const frame = probe?.frames.get(s);
          probe?.watch.delete(s);
          probe?.seen.delete(s);
          probe?.frames.delete(s);
          const origin = performance.timeOrigin;
          if (!ok) return undefined;
          return {
            seenAt: seen === undefined ? undefined : origin + seen,
            frameAt: frame === undefined ? undefined : origin + frame,
          };
        },
        [shown, appeared] as const,
      );
    },
  };
}

/**
 * How far the page's clock (performance.timeOrigin + now) is ahead of this process's, from the
 * round trip that was quickest of `rounds`: its midpoint is when the page read its clock, give
 * or take half that round trip (returned as `uncertaintyMs`).
 *
 * @example
 * const { offsetMs } = await measureClockOffset(page);
 * const pageTime = nodeTime + offsetMs;
 */
export async function measureClockOffset(page: Page, rounds = 30) {
  let best = { offsetMs: 0, uncertaintyMs: Number.POSITIVE_INFINITY };
  for (let round = 0; round < rounds; round++) {
    const sent = performance.timeOrigin + performance.now();
    const pageTime = await page.evaluate(() => performance.timeOrigin + performance.now());
    const received = performance.timeOrigin + performance.now();
    const uncertaintyMs = (received - sent) / 2;
    if (uncertaintyMs < best.uncertaintyMs) {
      best = { offsetMs: pageTime - (sent + received) / 2, uncertaintyMs };
    }
  }
  return best;
}
