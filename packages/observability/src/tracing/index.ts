import { register } from "node:module";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { IORedisInstrumentation } from "@opentelemetry/instrumentation-ioredis";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { resourceFromAttributes } from "@opentelemetry/resources";
import {
  BatchSpanProcessor,
  SimpleSpanProcessor,
  type SpanExporter,
} from "@opentelemetry/sdk-trace-base";
import { NodeTracerProvider } from "@opentelemetry/sdk-trace-node";

/** The running tracer provider; `shutdown` flushes what is buffered. */
export interface Tracing {
  provider: NodeTracerProvider;
  shutdown(): Promise<void>;
}

/**
 * Starts OpenTelemetry tracing: a global tracer provider exporting over OTLP/HTTP to
 * `endpoint` (`/v1/traces`), with PostgreSQL (pg) and Redis (ioredis) instrumented. Import
 * this module only when tracing is on (it loads the SDK), and before pg and ioredis load:
 * their instrumentation hooks module loading (`apps/server/src/start.ts`).
 *
 * @example
 * const tracing = await startTracing({ endpoint: "http://jaeger:4318", serviceName: "cryptotrade" });
 */
export function startTracing(options: {
  endpoint?: string | undefined;
  serviceName: string;
  /** Another exporter (tests: an in-memory one), exported span by span. */
  exporter?: SpanExporter;
  /**
   * Hook module loading so pg and ioredis are instrumented (default). Off in tests that run
   * under a module runner of their own, where they would be loaded already anyway.
   */
  instrumentModules?: boolean;
}): Tracing {
  const instrumentModules = options.instrumentModules ?? true;
  // ESM imports of pg and ioredis are hooked by import-in-the-middle, registered here.
  if (instrumentModules) register("@opentelemetry/instrumentation/hook.mjs", import.meta.url);
  const processor = options.exporter
    ? new SimpleSpanProcessor(options.exporter)
    : new BatchSpanProcessor(
        new OTLPTraceExporter({ url: `${(options.endpoint ?? "").replace(/\/$/, "")}/v1/traces` }),
      );
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ "service.name": options.serviceName }),
    spanProcessors: [processor],
  });
  provider.register();
  if (!instrumentModules) return { provider, shutdown: () => provider.shutdown() };
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new PgInstrumentation({ requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
    ],
  });
  return { provider, shutdown: () => provider.shutdown() };
}
