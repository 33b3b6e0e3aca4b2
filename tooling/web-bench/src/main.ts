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
import { type BenchServer, startBenchServer } from "./exchange-server";
import { type Figure, formatFigures } from "./figure";
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
import { measureSignedInPages } from "./signed-in-pages";
import { runTradingLoad } from "./trading-load";
import { ensureWebBuild } from "./web-build";

const SYMBOL = "BTC-USDT";
const SAMPLES = Number(process.env.WEB_BENCH_SAMPLES ?? 120);
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

  log("weight: scripts of the markets, trade and log-in pages");
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

  log("lighthouse: markets, trade and log-in pages (desktop preset)");
  const lighthousePort = await findFreePort();
  const lighthouseBrowser = await launchChromium([`--remote-debugging-port=${lighthousePort}`]);
  try {
    const floorScores = await runLighthouse(floorUrl, lighthousePort);
    if (floorScores.failing.length > 0) {
      log(`lighthouse on the log-in page (baseline): ${floorScores.failing.join("; ")}`);
    }
    for (const [page, pageUrl] of [
      ["markets", `${url}/`],
      ["trade", tradeUrl],
    ] as const) {
      const scores = await runLighthouse(pageUrl, lighthousePort);
      const baseline = (value: number) => ({ label: "log-in page", value });
      figures.push(
        {
          name: `lighthouse: ${page} accessibility`,
          value: scores.accessibility,
          unit: "",
          target: { op: "≥", value: 95 },
          baseline: baseline(floorScores.accessibility),
        },
        {
          name: `lighthouse: ${page} best practices`,
          value: scores.bestPractices,
          unit: "",
          target: { op: "≥", value: 95 },
          baseline: baseline(floorScores.bestPractices),
        },
        {
          name: `lighthouse: ${page} performance`,
          value: scores.performance,
          unit: "",
          baseline: baseline(floorScores.performance),
          ...(scores.failing.length > 0
            ? { note: `not passed: ${scores.failing.join("; ")}` }
            : {}),
        },
      );
    }
  } finally {
    await lighthouseBrowser.close();
  }

  log("signed-in pages: portfolio, wallet and account weight, Lighthouse, the offline page");
  figures.push(...(await measureSignedInPages(browser, url, placer.sessionToken)));

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
