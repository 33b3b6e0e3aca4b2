// Metrics and traces for the exchange: one registry and one tracer made at the app's edge and
// passed in. Tracing's SDK lives at `@cryptotrade/observability/tracing`, loaded only when on.
export { createCallObserver } from "./call-observer";
export { observeRequests, routeOf } from "./http-observer";
export { serializeLogError } from "./log-errors";
export { logTraceFields } from "./log-trace-fields";
export { channelKindOf } from "./metrics/channel-kind";
export { createMetrics, type MetricSet, type Samplers } from "./metrics/registry";
export { serveMetrics } from "./metrics-server";
export { quietRepeats } from "./quiet-repeats";
export { createSequencerObserver } from "./sequencer-observer";
