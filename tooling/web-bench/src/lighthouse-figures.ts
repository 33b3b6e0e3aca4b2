import type { Figure } from "./figure";
import type { LighthouseScores } from "./lighthouse-scores";

/**
 * Issue 23's Lighthouse rows for one page's run: accessibility and best practices ≥ 95,
 * performance ≥ 90, beside the log-in page's run when given.
 *
 * @example
 * figures.push(...lighthouseFigures("trade (de)", scores, floorScores));
 */
export function lighthouseFigures(
  page: string,
  scores: LighthouseScores,
  floor?: LighthouseScores,
): Figure[] {
  const baseline = (value: number | undefined) =>
    value === undefined ? {} : { baseline: { label: "log-in page", value } };
  return [
    {
      name: `lighthouse: ${page} accessibility`,
      value: scores.accessibility,
      unit: "",
      target: { op: "≥", value: 95 },
      ...baseline(floor?.accessibility),
    },
    {
      name: `lighthouse: ${page} best practices`,
      value: scores.bestPractices,
      unit: "",
      target: { op: "≥", value: 95 },
      ...baseline(floor?.bestPractices),
    },
    {
      name: `lighthouse: ${page} performance`,
      value: scores.performance,
      unit: "",
      target: { op: "≥", value: 90 },
      ...baseline(floor?.performance),
      note: [
        `largest contentful paint ${scores.largestContentfulPaintMs.toFixed(0)} ms, total blocking time ${scores.totalBlockingTimeMs.toFixed(0)} ms`,
        ...(scores.failing.length > 0 ? [`not passed: ${scores.failing.join("; ")}`] : []),
      ].join("; "),
    },
  ];
}
