import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PROMETHEUS_RULE_PATH, renderPrometheusRule } from "./prometheus-rule";

describe("k8s/base/prometheus-rule.yaml", () => {
  it("holds exactly the alert rules compose's Prometheus loads (run sync:rules after changing them)", () => {
    expect(readFileSync(PROMETHEUS_RULE_PATH, "utf8")).toBe(renderPrometheusRule());
  });
});
