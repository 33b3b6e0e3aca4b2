import { writeFileSync } from "node:fs";
import { PROMETHEUS_RULE_PATH, renderPrometheusRule } from "./prometheus-rule";

writeFileSync(PROMETHEUS_RULE_PATH, renderPrometheusRule());
process.stdout.write(`wrote ${PROMETHEUS_RULE_PATH}\n`);
