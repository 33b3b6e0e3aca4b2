import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createMetrics } from "@cryptotrade/observability";
import { familiesOf } from "@cryptotrade/testing/scrape";
import { beforeAll, describe, expect, it } from "vitest";

const docker = fileURLToPath(new URL("../../../../docker/", import.meta.url));
const METRIC = /\b(?:cryptotrade|process|nodejs)_[a-z0-9_]+\b|\bup\b/g;
/** Series a histogram or summary adds to its family's name. */
const SUFFIX = /_(bucket|sum|count)$/;

/** The metric families a PromQL expression reads. */
function metricsIn(expr: string): string[] {
  return [...expr.matchAll(METRIC)].map(([name]) => name);
}

interface Panel {
  title: string;
  targets?: Array<{ expr?: string }>;
}

/** Every dashboard and rule may name only metrics the server exports (or Prometheus' `up`). */
describe("dashboards and alert rules", () => {
  let families: Set<string>;
  const exists = (name: string) =>
    name === "up" || families.has(name) || families.has(name.replace(SUFFIX, ""));

  beforeAll(async () => {
    families = familiesOf(await createMetrics().registry.metrics());
  });

  const dashboards = readdirSync(`${docker}grafana/dashboards`).filter((file) =>
    file.endsWith(".json"),
  );

  it("has a dashboard for the API, trading, real-time streams and the business", () => {
    expect(dashboards.sort()).toEqual([
      "api.json",
      "business.json",
      "streams.json",
      "trading.json",
    ]);
  });

  it.each(dashboards)(
    "%s is valid JSON whose every panel queries metrics the server exports",
    (file) => {
      const dashboard = JSON.parse(readFileSync(`${docker}grafana/dashboards/${file}`, "utf8")) as {
        uid?: string;
        title?: string;
        panels?: Panel[];
      };
      expect(dashboard.uid).toMatch(/^cryptotrade-/);
      expect(dashboard.title).toBeTruthy();
      expect(dashboard.panels?.length).toBeGreaterThan(0);
      for (const panel of dashboard.panels ?? []) {
        const exprs = (panel.targets ?? []).map((target) => target.expr ?? "");
        expect(exprs.length, panel.title).toBeGreaterThan(0);
        for (const expr of exprs) {
          const named = metricsIn(expr);
          expect(named.length, `${panel.title}: ${expr}`).toBeGreaterThan(0);
          for (const name of named)
            expect(exists(name), `${file} › ${panel.title}: ${name}`).toBe(true);
        }
      }
    },
  );

  it("alerts only on metrics the server exports", () => {
    const rules = readFileSync(`${docker}prometheus/alerts.yml`, "utf8");
    const exprs = [...rules.matchAll(/expr: \|?\n?([\s\S]*?)\n\s+(?:for|labels):/g)].map(
      ([, expr]) => expr ?? "",
    );
    expect(exprs.length).toBeGreaterThanOrEqual(10);
    for (const expr of exprs) {
      const named = metricsIn(expr);
      expect(named.length, expr).toBeGreaterThan(0);
      for (const name of named) expect(exists(name), name).toBe(true);
    }
  });

  it("provisions the data sources the dashboards and log links use", () => {
    const sources = readFileSync(
      `${docker}grafana/provisioning/datasources/datasources.yml`,
      "utf8",
    );
    for (const uid of ["prometheus", "loki", "jaeger"]) expect(sources).toContain(`uid: ${uid}`);
    // Logs link to traces by the trace id pino writes.
    expect(sources).toContain('"traceId":"(\\w+)"');
  });
});
