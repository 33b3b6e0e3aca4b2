import type { Page } from "@playwright/test";

const METRICS = [
  "TaskDuration",
  "ScriptDuration",
  "LayoutDuration",
  "RecalcStyleDuration",
] as const;
type Metric = (typeof METRICS)[number];

/**
 * Where the page's main thread spent a stretch of time, from Chromium's own counters
 * (Performance.getMetrics): all tasks, scripts, layout and style, in ms. Wall time: on a
 * starved machine it grows with the waiting, as long tasks do.
 *
 * @example
 * const meter = await meterMainThread(page);
 * await page.waitForTimeout(10_000);
 * const spent = await meter.stop(); // { TaskDuration: 812, ScriptDuration: 301, ... }
 */
export async function meterMainThread(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const read = async () => {
    const { metrics } = await cdp.send("Performance.getMetrics");
    const values = new Map(metrics.map((metric) => [metric.name, metric.value]));
    return Object.fromEntries(METRICS.map((name) => [name, values.get(name) ?? 0])) as Record<
      Metric,
      number
    >;
  };
  const start = await read();
  return {
    stop: async () => {
      const end = await read();
      await cdp.detach();
      return Object.fromEntries(
        METRICS.map((name) => [name, (end[name] - start[name]) * 1000]),
      ) as Record<Metric, number>;
    },
  };
}

/** "tasks 812 ms (scripts 301, layout 120, style 95)" */
export function describeMainThread(spent: Record<Metric, number>): string {
  const ms = (value: number) => value.toFixed(0);
  return `main thread busy ${ms(spent.TaskDuration)} ms (scripts ${ms(spent.ScriptDuration)}, layout ${ms(spent.LayoutDuration)}, style ${ms(spent.RecalcStyleDuration)})`;
}
