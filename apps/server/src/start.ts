// The server's entry point. Tracing has to hook pg and ioredis before anything imports them,
// so it starts here, before main.ts loads; with no OTEL_EXPORTER_OTLP_ENDPOINT the SDK is
// never even imported.
import { loadConfig } from "./env";

const config = loadConfig();
if (config.otelEndpoint) {
  const { startTracing } = await import("@cryptotrade/observability/tracing");
  // main.ts flushes the spans still buffered before the process exits.
  startTracing({ endpoint: config.otelEndpoint, serviceName: "cryptotrade" });
}
await import("./main");
