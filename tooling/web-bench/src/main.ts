/**
 * `pnpm bench` (tooling/web-bench): the trader's web app in Debian's Chromium against the real
 * server with the demo market maker running. Order to screen, smooth under load, weight and
 * Lighthouse, each beside a baseline measured in the same run. Misses never fail the run.
 */

import { availableParallelism, loadavg } from "node:os";
import { findFreePort } from "@cryptotrade/testing/free-port";
import type { Browser } from "@playwright/test";
import { openBenchTrader } from "./bench-trader";
import { CHROMIUM_PATH, launchChromium } from "./browser";
import { measureClickToFill } from "./click-to-fill";
import { type BenchServer, startBenchServer } from "./exchange-server";
import { type Figure, formatFigures } from "./figure";
import { lighthouseFigures } from "./lighthouse-figures";
import { runLighthouse } from "./lighthouse-scores";
import {
  attributeScripts,
  describeLongestFrame,
  recordLongTasks,
  totalBlockingTime,
} from "./long-tasks";
import { describeMainThread, meterMainThread } from "./main-thread-time";
import { measureOrderToScreen } from "./order-to-screen";
import { orderToScreenFigures } from "./order-to-screen-figures";
import { measureScriptWeight } from "./page-weight";
import { percentile } from "./percentile";
import { measureSignedInPages } from "./signed-in-pages";
import { runTradingLoad } from "./trading-load";
import { ensureWebBuild } from "./web-build";

const SYMBOL = "BTC-USDT";
// BENCH_SHORT=1 (CI): every section once, on few samples, so a bench that no longer runs cannot land.
const SHORT = process.env.BENCH_SHORT === "1";
const SAMPLES = Number(process.env.WEB_BENCH_SAMPLES ?? (SHORT ? 20 : 120));
const CLICK_SAMPLES = Number(process.env.WEB_BENCH_CLICK_SAMPLES ?? (SHORT ? 20 : 100));
/** WEB_BENCH_ONLY=weight,lighthouse,signed-in,click,order runs only those sections ("order": order to screen, then smooth under load). */
const SECTIONS = ["weight", "lighthouse", "signed-in", "click", "order"] as const;
const only = process.env.WEB_BENCH_ONLY?.split(",").map((name) => name.trim());
const unknown = only?.filter((name) => !(SECTIONS as readonly string[]).includes(name));
if (unknown?.length) throw new Error(`WEB_BENCH_ONLY names no section: ${unknown.join(", ")}`);
const runs = (section: (typeof SECTIONS)[number]) => !only || only.includes(section);
const LOAD_MS = 10_000;
const LOAD_RATE = 10;
const KB = 1024;

const log = (message: string) => process.stderr.write(`[web-bench] ${message}\n`);

await ensureWebBuild(log, process.env.WEB_BENCH_BUILD === "skip" ? "skip" : "auto");
const loadBefore = loadavg()[0] ?? 0;
let server: BenchServer | undefined;
let browser: Browser | undefined;
const cleanUp = async () => {
  await browser?.close().catch(() => undefined);
  await server?.stop();
};
process.once("SIGINT", () => void cleanUp().finally(() => process.exit(130)));

const figures: Figure[] = [];
try {
  log("starting the exchange with the demo market maker");
  server = await startBenchServer();
  const url = server.url;
  const tradeUrl = `${url}/trade/${SYMBOL}`;
  // The log-in page: the same shell and framework with no market data, the floor of every
  // page (the 404 page would do for weight, but Lighthouse refuses to score a 404).
  const floorUrl = `${url}/login`;
  const [seller, buyer, placer] = await Promise.all([
    openBenchTrader(url, { BTC: "10" }),
    openBenchTrader(url, { USDT: "1000000" }),
    openBenchTrader(url, { USDT: "1000000", BTC: "10" }),
  ]);
  const market = (await placer.bot.market.list.query()).find((m) => m.symbol === SYMBOL);
  if (!market) throw new Error(`the exchange has no ${SYMBOL}`);
  // Give the market maker time to quote every market and trade a little.
  await new Promise((resolve) => setTimeout(resolve, 3_000));

  browser = await launchChromium();

  if (runs("weight")) {
    log(
      "weight: scripts of the markets, trade and log-in pages (the chart and language chunks included)",
    );
    const floorWeight = await measureScriptWeight(browser, floorUrl);
    const weights = {
      markets: await measureScriptWeight(browser, `${url}/`),
      trade: await measureScriptWeight(browser, tradeUrl),
    };
    for (const [page, limitKb] of [
      ["markets", 150],
      ["trade", 250],
    ] as const) {
      const weight = weights[page];
      figures.push({
        name: `weight: ${page} page JS (gzip)`,
        value: weight.gzipBytes / KB,
        unit: "KB",
        target: { op: "≤", value: limitKb },
        baseline: { label: "log-in page (framework floor)", value: floorWeight.gzipBytes / KB },
        note:
          weight.problem ??
          weight.files
            .slice(0, 4)
            .map((file) => `${file.url.replace(url, "")} ${(file.gzipBytes / KB).toFixed(1)} KB`)
            .join(", "),
      });
    }
  }

  if (runs("lighthouse")) {
    log("lighthouse: markets, trade and log-in pages (desktop preset), in English and German");
    const lighthousePort = await findFreePort();
    const lighthouseBrowser = await launchChromium([`--remote-debugging-port=${lighthousePort}`]);
    try {
      const floorScores = await runLighthouse(floorUrl, lighthouseBrowser, lighthousePort);
      if (floorScores.failing.length > 0) {
        log(`lighthouse on the log-in page (baseline): ${floorScores.failing.join("; ")}`);
      }
      for (const [page, pageUrl] of [
        ["markets", `${url}/`],
        ["trade", tradeUrl],
      ] as const) {
        for (const language of ["en", "de"] as const) {
          // German through the language cookie the switch sets (and Accept-Language with it).
          const scores = await runLighthouse(
            pageUrl,
            lighthouseBrowser,
            lighthousePort,
            language === "de" ? { ct_lang: "de" } : {},
            language === "de" ? "de" : undefined,
          );
          figures.push(
            ...lighthouseFigures(`${page}${language === "de" ? " (de)" : ""}`, scores, floorScores),
          );
        }
      }
    } finally {
      await lighthouseBrowser.close();
    }
  }

  if (runs("signed-in")) {
    log("signed-in pages: portfolio, wallet and account weight, Lighthouse, the offline page");
    figures.push(...(await measureSignedInPages(browser, url, placer.sessionToken)));
  }

  if (runs("click")) {
    log(
      `click to fill: ${CLICK_SAMPLES} clicks on Buy (crossing limit) on ${SYMBOL}, Fills tab open`,
    );
    // Registered after the others: a fourth sign-up at once trips the server's rate limit.
    const clicker = await openBenchTrader(url, { USDT: "1000000" });
    const clicks = await measureClickToFill(
      browser,
      url,
      clicker.sessionToken,
      clicker.bot,
      market,
      CLICK_SAMPLES,
    );
    // No order placed at all means the bench could not drive the page: fail loudly. Placed
    // orders whose rows never showed are the app's miss, printed as one.
    if (clicks.answerMs.length === 0) {
      throw new Error(`click to fill: none of ${CLICK_SAMPLES} clicks placed an order`);
    }
    const note = `${clicks.rowMs.length} samples, ${clicks.timedOut} never shown within 3 s; click → "placed" answer p50 ${percentile(clicks.answerMs, 50).toFixed(1)} ms, p99 ${percentile(clicks.answerMs, 99).toFixed(1)} ms; of which the server (request → first byte) p50 ${percentile(clicks.serverMs, 50).toFixed(1)} ms, p99 ${percentile(clicks.serverMs, 99).toFixed(1)} ms`;
    figures.push(
      {
        name: "click Buy to own fill row p50",
        value: clicks.p50,
        unit: "ms",
        target: { op: "≤", value: 50 },
        note,
      },
      {
        name: "click Buy to own fill row p99",
        value: clicks.p99,
        unit: "ms",
        target: { op: "≤", value: 100 },
      },
    );
  }

  if (runs("order")) {
    log(`order to screen: ${SAMPLES} orders at a new best price on ${SYMBOL}, from a bot`);
    const context = await browser.newContext();
    const page = await context.newPage();
    const fromBot = await measureOrderToScreen(page, placer.bot, market, tradeUrl, SAMPLES);
    figures.push(...orderToScreenFigures("bot", fromBot));
    log(`order to screen: ${SAMPLES} more, placed from inside the page`);
    const pagePlaced = await context.newPage();
    const fromPage = await measureOrderToScreen(pagePlaced, placer.bot, market, tradeUrl, SAMPLES, {
      apiKey: placer.apiKey,
    });
    await pagePlaced.close();
    figures.push(...orderToScreenFigures("page", fromPage));

    log("smooth under load: 10 s on the trade page, market maker only, then with bots trading");
    const idle = await recordLongTasks(page);
    const idleMeter = await meterMainThread(page);
    await page.waitForTimeout(LOAD_MS);
    const idleRecord = await idle.stop();
    const idleSpent = await idleMeter.stop();
    const busy = await recordLongTasks(page);
    const busyMeter = await meterMainThread(page);
    const load = await runTradingLoad({
      seller: seller.bot,
      buyer: buyer.bot,
      market,
      ratePerSecond: LOAD_RATE,
      durationMs: LOAD_MS,
    });
    const busyRecord = await busy.stop();
    const busySpent = await busyMeter.stop();
    const longest = (tasks: { duration: number }[]) =>
      tasks.reduce((most, task) => Math.max(most, task.duration), 0);
    figures.push(
      {
        name: "smooth: total blocking time, 10 s",
        value: totalBlockingTime(busyRecord.tasks),
        unit: "ms",
        target: { op: "≤", value: 100 },
        baseline: { label: "market maker only", value: totalBlockingTime(idleRecord.tasks) },
        note: `${load.trades} bot trades (${LOAD_RATE}/s asked), ${load.failed} failed; ${busyRecord.tasks.length} long tasks; ${describeMainThread(busySpent)}; market maker only: ${describeMainThread(idleSpent)}`,
      },
      {
        name: "smooth: longest task",
        value: longest(busyRecord.tasks),
        unit: "ms",
        target: { op: "≤", value: 50 },
        baseline: { label: "market maker only", value: longest(idleRecord.tasks) },
        note: [
          describeLongestFrame(busyRecord) ?? "no long animation frame",
          ...attributeScripts(busyRecord, url),
        ].join("; "),
      },
    );
    await context.close();
  }
} finally {
  await cleanUp();
}

process.stdout.write(
  [
    "",
    `Web app in Chromium (${CHROMIUM_PATH}), real server with the demo market maker, market ${SYMBOL}`,
    `node ${process.version}, ${availableParallelism()} cores; 1-minute load average ${loadBefore.toFixed(1)} before, ${(loadavg()[0] ?? 0).toFixed(1)} after`,
    "",
    formatFigures(figures),
  ].join("\n"),
);
