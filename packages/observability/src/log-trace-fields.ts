import { context, trace } from "@opentelemetry/api";

/**
 * A pino `mixin`: the active span's trace and span ids on every log line written while a
 * request is traced, so a log line leads to its trace (Grafana links Loki to Jaeger by it).
 *
 * @example
 * const log = pino({ mixin: logTraceFields });
 */
export function logTraceFields(): { traceId?: string; spanId?: string } {
  const span = trace.getSpan(context.active());
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}
