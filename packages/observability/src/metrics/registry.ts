import { collectDefaultMetrics, Registry } from "prom-client";
import { createApiMetrics } from "./api-metrics";
import { createExchangeMetrics } from "./exchange-metrics";

/**
 * Every metric the exchange exports, in one registry made at the app's edge. Labels are
 * bounded sets (procedures, markets, codes), never a user or an order.
 */
function createMetricSet(registry: Registry, samplers: Samplers) {
  return {
    ...createApiMetrics(registry, samplers),
    ...createExchangeMetrics(registry, samplers),
  };
}

export type MetricSet = ReturnType<typeof createMetricSet>;

/** Values read at scrape time, from parts built after the registry (set them when wiring). */
export interface Samplers {
  activeUsers: () => number;
  exchange: () => { leader: boolean; halted: boolean };
}

/**
 * A registry with the process's own metrics (CPU, memory, event-loop lag, GC) and the
 * exchange's. Build one per process, at its edge, and pass it in.
 *
 * @example
 * const { registry, metrics, samplers } = createMetrics();
 * samplers.exchange = () => ({ leader: Boolean(role.leader()), halted: false });
 * metrics.trades.inc({ market: "BTC-USDT" });
 */
export function createMetrics(): { registry: Registry; metrics: MetricSet; samplers: Samplers } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const samplers: Samplers = {
    activeUsers: () => 0,
    exchange: () => ({ leader: false, halted: false }),
  };
  return { registry, metrics: createMetricSet(registry, samplers), samplers };
}
