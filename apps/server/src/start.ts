// The server's entry point (src/start.ts under tsx, dist/start.js when built). Tracing has to
// hook pg and ioredis before anything imports them, so it starts here, before main.ts loads
// (the build keeps both imports below lazy); with no OTEL_EXPORTER_OTLP_ENDPOINT the SDK is
// never even imported.
import { loadConfig } from "./env";
import { locateServerFiles } from "./server-files";

const config = loadConfig();
if (config.otelEndpoint) {
  const { startTracing } = await import("@cryptotrade/observability/tracing");
  // main.ts flushes the spans still buffered before the process exits.
  startTracing({ endpoint: config.otelEndpoint, serviceName: "cryptotrade" });
}
const { runServer } = await import("./main");
await runServer(config, locateServerFiles(new URL(".", import.meta.url)));
