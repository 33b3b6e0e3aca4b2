import type { RequestListener } from "node:http";
import type { CallObserver } from "@cryptotrade/api";
import type { Config } from "@cryptotrade/config";
import type { MarketInfo, SequencerObserver } from "@cryptotrade/exchange";
import {
  createCallObserver,
  createMetrics,
  createSequencerObserver,
  type MetricSet,
  observeRequests,
  type Samplers,
  serveMetrics,
} from "@cryptotrade/observability";
import { type Tracer, trace } from "@opentelemetry/api";
import type { Logger } from "pino";
import type { Registry } from "prom-client";
import { createSocketObserver, type SocketObserver } from "./metrics/socket-metrics";

/** The process's metrics and (when on) tracer, and the observers wired into each part. */
export interface Observability {
  registry: Registry;
  metrics: MetricSet;
  samplers: Samplers;
  /** Present when `OTEL_EXPORTER_OTLP_ENDPOINT` is set and tracing was started. */
  tracer: Tracer | undefined;
  calls: CallObserver;
  sockets: SocketObserver;
  /** The sequencer's observer, given where the markets (for volume) can be read. */
  sequencer(markets: () => MarketInfo[]): SequencerObserver;
  /** Wraps the HTTP server's request listener (counts, times, and traces each request). */
  observeRequests(listener: RequestListener): RequestListener;
  /** Serves `/metrics` on METRICS_PORT when it is set (its URL), and how to stop it. */
  serve(log: Logger): Promise<{ url: string | undefined; close(): Promise<void> }>;
  /** Sends the spans still buffered (call before the process exits). */
  flush(): Promise<void>;
}

/** What the global tracer provider is underneath its proxy, when the SDK registered one. */
interface FlushableProvider {
  getDelegate?: () => { forceFlush?: () => Promise<void> };
}

/**
 * Builds the registry and observers once, at the app's edge. Tracing itself is started by
 * `start.ts` before anything loads pg or ioredis; here its global tracer is only picked up.
 *
 * @example
 * const observability = createObservability(config);
 * const services = { ...others, observer: observability.calls };
 */
export function createObservability(
  config: Pick<Config, "otelEndpoint" | "metricsPort" | "host">,
): Observability {
  const { registry, metrics, samplers } = createMetrics();
  const tracer = config.otelEndpoint ? trace.getTracer("cryptotrade") : undefined;
  return {
    registry,
    metrics,
    samplers,
    tracer,
    calls: createCallObserver({ metrics, samplers, tracer }),
    sockets: createSocketObserver({ metrics, tracer }),
    sequencer: (markets) => createSequencerObserver({ metrics, markets, tracer }),
    observeRequests: (listener) => observeRequests(listener, { metrics, tracer }),
    async serve(log) {
      if (config.metricsPort === undefined) return { url: undefined, close: async () => {} };
      const server = await serveMetrics({
        registry,
        port: config.metricsPort,
        host: config.host,
        onError: (error) => log.error({ err: error }, "metrics could not be collected"),
      });
      log.info({ url: server.url }, "metrics are served");
      return server;
    },
    async flush() {
      if (!tracer) return;
      await (trace.getTracerProvider() as FlushableProvider).getDelegate?.().forceFlush?.();
    },
  };
}
