import { readFileSync } from "node:fs";
import { parse, stringify } from "yaml";
import { REPO_ROOT } from "./repo";

/** Where the alert rules live (compose's Prometheus loads them) and their Kubernetes copy. */
const ALERTS_PATH = `${REPO_ROOT}docker/prometheus/alerts.yml`;
export const PROMETHEUS_RULE_PATH = `${REPO_ROOT}k8s/base/prometheus-rule.yaml`;

/**
 * The operator's PrometheusRule holding exactly the rules of docker/prometheus/alerts.yml, so
 * compose and Kubernetes alert on the same things (rules.test.yml tests them once).
 */
export function renderPrometheusRule(): string {
  const { groups } = parse(readFileSync(ALERTS_PATH, "utf8")) as { groups: unknown[] };
  const rule = {
    apiVersion: "monitoring.coreos.com/v1",
    kind: "PrometheusRule",
    metadata: { name: "cryptotrade" },
    spec: { groups },
  };
  return `# Generated from docker/prometheus/alerts.yml by \`pnpm --filter @cryptotrade/deploy-checks sync:rules\`; do not edit.\n${stringify(rule)}`;
}
