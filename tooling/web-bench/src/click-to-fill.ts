import type { Client, RouterOutputs } from "@cryptotrade/api/client";
import type { Browser } from "@playwright/test";
import { percentile } from "./percentile";
import { fromUnits, toUnits } from "./price-steps";

type Market = RouterOutputs["market"]["list"][number];

export interface ClickToFillResult {
  /** Click on Buy → the order's first fill row in the page's Fills table, ms, one per sample. */
  rowMs: number[];
  /** Click on Buy → the form's own "placed" answer shown (the API round trip and render). */
  answerMs: number[];
  /**
   * The server's part of each answer: the place call's request sent → first byte of its answer
   * (Resource Timing), so the rest of `rowMs` is the browser's (send, stream, render).
   */
  serverMs: number[];
  /** Clicks whose fill row never showed within the wait. */
  timedOut: number;
  p50: number;
  p99: number;
}

/** How long one click waits for its fill row before it counts as never shown. */
const ROW_WAIT_MS = 3_000;

/**
 * Issue 23's "click on Buy → own fill visible": a signed-in trader on the trade page with the
 * Fills tab open places `samples` limit buys that cross the market maker's ask (so each fills
 * at once, with no confirmation asked), one at a time by clicking the form's Buy button.
 * Timed inside the page: from the click event's timestamp to the MutationObserver callback that
 * sees a new row in the Fills table, both on `performance.now()`.
 *
 * @example
 * const result = await measureClickToFill(browser, url, trader.sessionToken, trader.bot, market, 100);
 */
export async function measureClickToFill(
  browser: Browser,
  url: string,
  sessionToken: string,
  bot: Client,
  market: Market,
  samples: number,
): Promise<ClickToFillResult> {
  const context = await browser.newContext();
  await context.addCookies([{ name: "ct_session", value: sessionToken, url }]);
  try {
    const page = await context.newPage();
    const answer = await page.goto(`${url}/trade/${market.symbol}`);
    if (!answer?.ok()) throw new Error(`the trade page answered ${answer?.status() ?? "nothing"}`);
    const form = page.locator("form").filter({ has: page.getByLabel("Quantity") });
    const buy = form.getByRole("button", { name: `Buy ${market.baseAsset}`, exact: true });
    await buy.waitFor({ timeout: 15_000 });
    // A level in the book means the page hydrated and its streams are up; a click before
    // hydration would be lost.
    await page
      .getByRole("table", { name: "Order book" })
      .getByRole("button")
      .first()
      .waitFor({ timeout: 15_000 });
    await page.getByRole("tab", { name: "Fills" }).click();
    // The first fill makes the table (until then the tab says "No fills yet").
    const panel = page.getByRole("tabpanel");
    await panel
      .getByText("No fills yet")
      .or(panel.getByRole("table", { name: "Fills" }))
      .waitFor({ timeout: 10_000 });
    await form.getByLabel("Order type").selectOption("limit");
    const result: ClickToFillResult = {
      rowMs: [],
      answerMs: [],
      serverMs: [],
      timedOut: 0,
      p50: 0,
      p99: 0,
    };
    for (let sample = 0; sample < samples; sample++) {
      const price = await crossingBuyPrice(bot, market);
      await form.getByLabel("Price", { exact: true }).fill(price);
      await form.getByLabel("Quantity", { exact: true }).fill(smallestQuantity(market, price));
      await page.evaluate(armFillProbe, {
        caption: "Fills",
        buyLabel: `Buy ${market.baseAsset}`,
        waitMs: ROW_WAIT_MS,
      });
      await buy.click();
      const seen = await page.evaluate(() => (window as unknown as ProbeWindow).__clickToFill);
      if (seen.rowMs === undefined) result.timedOut += 1;
      else result.rowMs.push(seen.rowMs);
      if (seen.answerMs !== undefined) result.answerMs.push(seen.answerMs);
      if (seen.serverMs !== undefined) result.serverMs.push(seen.serverMs);
    }
    result.p50 = percentile(result.rowMs, 50);
    result.p99 = percentile(result.rowMs, 99);
    return result;
  } finally {
    await context.close();
  }
}

interface ProbeWindow {
  __clickToFill: Promise<{ rowMs?: number; answerMs?: number; serverMs?: number }>;
}

/**
 * Runs in the page: arms a capture-phase click listener on the order form's submit button and a
 * MutationObserver on the document (the button is the one labelled `buyLabel`); the promise left on `window` settles when a row not there
 * at arming shows in the table captioned `caption` and the form says the order was placed (or
 * after `waitMs`), with the time of each. No named inner
 * functions: the bundler would wrap them in a helper the page does not have.
 */
function armFillProbe({
  caption,
  buyLabel,
  waitMs,
}: {
  caption: string;
  buyLabel: string;
  waitMs: number;
}) {
  const before = new Set(
    [...document.querySelectorAll("table")].flatMap((table) =>
      table.caption?.textContent?.trim() === caption ? [...(table.tBodies[0]?.rows ?? [])] : [],
    ),
  );
  const submit = [...document.querySelectorAll<HTMLButtonElement>("form button[type=submit]")].find(
    (button) => button.textContent?.trim() === buyLabel,
  );
  const status = submit?.form?.querySelector('[role="status"]');
  // Emptied per click: the buffer keeps 250 entries, and this click's call must be among them.
  performance.clearResourceTimings();
  const stamps: { clickedAt?: number; answerMs?: number; rowMs?: number } = {};
  submit?.addEventListener(
    "click",
    (event) => {
      stamps.clickedAt = event.timeStamp;
    },
    { capture: true, once: true },
  );
  (window as unknown as ProbeWindow).__clickToFill = new Promise((resolve) => {
    // The row may show before the form's answer (the fill's event overtakes the HTTP answer),
    // so both are watched for until each has shown.
    const observer = new MutationObserver(() => {
      // Stamped first: the row is in the DOM from this microtask on, painted at the next frame.
      const now = performance.now();
      if (stamps.clickedAt === undefined) return;
      if (stamps.answerMs === undefined && status?.textContent?.includes(" placed: ")) {
        stamps.answerMs = now - stamps.clickedAt;
      }
      if (stamps.rowMs === undefined) {
        const table = [...document.querySelectorAll("table")].find(
          (each) => each.caption?.textContent?.trim() === caption,
        );
        const fresh = [...(table?.tBodies[0]?.rows ?? [])].some((row) => !before.has(row));
        if (fresh) stamps.rowMs = now - stamps.clickedAt;
      }
      if (stamps.rowMs === undefined || stamps.answerMs === undefined) return;
      observer.disconnect();
      clearTimeout(timer);
      const placing = performance
        .getEntriesByType("resource")
        .filter((entry) => entry.name.includes("orders.place"))
        .at(-1) as PerformanceResourceTiming | undefined;
      resolve({
        rowMs: stamps.rowMs,
        answerMs: stamps.answerMs,
        serverMs: placing ? placing.responseStart - placing.requestStart : undefined,
      });
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      resolve({ rowMs: stamps.rowMs, answerMs: stamps.answerMs });
    }, waitMs);
  });
}

/** 2 % above the best ask, on the tick: a limit buy that takes the ask at once. */
async function crossingBuyPrice(bot: Client, market: Market): Promise<string> {
  const book = await bot.market.orderBook.query({ symbol: market.symbol, depth: 1 });
  const ask = book.asks[0]?.price;
  if (!ask) throw new Error(`${market.symbol} has no ask to buy from: is the market maker up?`);
  const ticks = toUnits(ask, market.priceDecimals);
  return fromUnits(ticks + ticks / 50n, market.priceDecimals);
}

/** The smallest lot multiple that meets the market's minimum size and notional. */
function smallestQuantity(market: Market, price: string): string {
  const lot = Number(market.lotSize);
  const needed = Math.max(
    Number(market.minQuantity),
    (Number(market.minNotional) * 1.1) / Number(price),
  );
  return (Math.ceil(needed / lot) * lot).toFixed(market.quantityDecimals);
}
