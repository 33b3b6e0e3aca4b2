import type { Page } from "@playwright/test";

/** A long task as the page saw it (PerformanceObserver "longtask"). */
export interface LongTask {
  start: number;
  duration: number;
}

/** Scripts a long animation frame ran (PerformanceObserver "long-animation-frame"). */
interface FrameScript {
  sourceURL: string;
  sourceFunctionName: string;
  invoker: string;
  duration: number;
}

export interface LongTaskRecord {
  tasks: LongTask[];
  frames: {
    start: number;
    duration: number;
    /** When rendering (style, layout, paint) began; 0 for a frame that did not render. */
    renderStart: number;
    scripts: FrameScript[];
  }[];
}

type RecorderWindow = Window & { __longTaskRecord?: LongTaskRecord };

/**
 * Starts recording long tasks and long animation frames (with the scripts each ran) in the
 * page; `stop` hands back what was recorded since.
 *
 * @example
 * const recorder = await recordLongTasks(page);
 * await page.waitForTimeout(10_000);
 * const { tasks, frames } = await recorder.stop();
 */
export async function recordLongTasks(page: Page) {
  await page.evaluate(() => {
    const record: LongTaskRecord = { tasks: [], frames: [] };
    (window as RecorderWindow).__longTaskRecord = record;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        record.tasks.push({ start: entry.startTime, duration: entry.duration });
      }
    }).observe({ type: "longtask" });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const frame = entry as PerformanceEntry & { scripts?: FrameScript[]; renderStart?: number };
        const scripts = frame.scripts ?? [];
        record.frames.push({
          start: entry.startTime,
          duration: entry.duration,
          renderStart: frame.renderStart ?? 0,
          scripts: scripts.map((script) => ({
            sourceURL: script.sourceURL,
            sourceFunctionName: script.sourceFunctionName,
            invoker: script.invoker,
            duration: script.duration,
          })),
        });
      }
    }).observe({ type: "long-animation-frame" });
  });
  return {
    stop: () =>
      page.evaluate(() => (window as RecorderWindow).__longTaskRecord ?? { tasks: [], frames: [] }),
  };
}

/** Total blocking time: what each long task ran past 50 ms, added up. */
export function totalBlockingTime(tasks: readonly LongTask[]): number {
  return tasks.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0);
}

/**
 * Where the long frames' script time went, by bundle file and function, most first, e.g.
 * "assets/order-book-x1.js OrderBook (user-callback) 62 ms". Our code is every file under
 * /assets/ that is not a library chunk the reader can tell by its name.
 */
export function attributeScripts(record: LongTaskRecord, origin: string, top = 5): string[] {
  const totals = new Map<string, number>();
  for (const frame of record.frames) {
    for (const script of frame.scripts) {
      const file = script.sourceURL.replace(origin, "") || "(inline or browser)";
      const key = `${file} ${script.sourceFunctionName || "(anonymous)"} [${script.invoker}]`;
      totals.set(key, (totals.get(key) ?? 0) + script.duration);
    }
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([key, ms]) => `${key} ${ms.toFixed(0)} ms`);
}

/**
 * The longest animation frame split into its scripts and its rendering, e.g. "longest frame
 * 126 ms: scripts 20 ms, rendering 9 ms, the rest waiting or in the browser".
 */
export function describeLongestFrame(record: LongTaskRecord): string | undefined {
  const longest = record.frames.reduce<LongTaskRecord["frames"][number] | undefined>(
    (most, frame) => (!most || frame.duration > most.duration ? frame : most),
    undefined,
  );
  if (!longest) return undefined;
  const scripts = longest.scripts.reduce((sum, script) => sum + script.duration, 0);
  const rendering =
    longest.renderStart > 0 ? longest.start + longest.duration - longest.renderStart : 0;
  return `longest frame ${longest.duration.toFixed(0)} ms: scripts ${scripts.toFixed(0)} ms, rendering ${rendering.toFixed(0)} ms, the rest neither`;
}
