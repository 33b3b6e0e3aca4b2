/** One sample of a scrape: its metric name, labels and value. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/**
 * Parses Prometheus' text format into samples (comments skipped).
 *
 * @example
 * const samples = parseScrape(await (await fetch(`${metricsUrl}/metrics`)).text());
 */
export function parseScrape(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    const match = LINE.exec(line);
    if (!match || line.startsWith("#")) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? "").matchAll(LABEL)) {
      if (key !== undefined && value !== undefined) labels[key] = value;
    }
    samples.push({ name: match[1] ?? "", labels, value: Number(match[3]) });
  }
  return samples;
}

/**
 * The sum of every sample of `name` whose labels include `labels`.
 *
 * @example
 * sumOf(samples, "cryptotrade_http_requests_total", { route: "/trpc", status: "200" });
 */
export function sumOf(
  samples: readonly Sample[],
  name: string,
  labels: Record<string, string> = {},
): number {
  return samples
    .filter((sample) => sample.name === name)
    .filter((sample) =>
      Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
    )
    .reduce((total, sample) => total + sample.value, 0);
}

/**
 * The metric families a scrape declares (`# TYPE name kind`).
 *
 * @example
 * familiesOf(text).has("cryptotrade_trpc_calls_total"); // true
 */
export function familiesOf(text: string): Set<string> {
  const families = new Set<string>();
  for (const [, name] of text.matchAll(/^# TYPE (\S+) \S+$/gm)) if (name) families.add(name);
  return families;
}
