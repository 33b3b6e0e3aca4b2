import { Writable } from "node:stream";
import type { RouterInputs } from "@cryptotrade/api";
import { logTraceFields } from "@cryptotrade/observability";
import { startTracing, type Tracing } from "@cryptotrade/observability/tracing";
import { eventually } from "@cryptotrade/testing/eventually";
import { context, propagation, trace } from "@opentelemetry/api";
import { InMemorySpanExporter, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createObservability } from "../observability";
import { registerUser, startTestServer, type TestServer } from "../testing/test-server";

/** The names of a span and its ancestors, nearest first. */
function ancestry(span: ReadableSpan, byId: Map<string, ReadableSpan>): string[] {
  const names: string[] = [];
  for (let current: ReadableSpan | undefined = span; current; ) {
    names.push(current.name);
    const parentId: string | undefined = current.parentSpanContext?.spanId;
    current = parentId ? byId.get(parentId) : undefined;
  }
  return names;
}

describe("tracing", () => {
  const exporter = new InMemorySpanExporter();
  const lines: Array<Record<string, unknown>> = [];
  let tracing: Tracing;
  let server: TestServer;
  let url: string;

  beforeAll(async () => {
    tracing = startTracing({ serviceName: "cryptotrade-test", exporter, instrumentModules: false });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split("\n")) if (line) lines.push(JSON.parse(line));
        done();
      },
    });
    server = await startTestServer({
      // The in-process bus: through Redis, a push runs in the bus subscriber's context and
      // leaves the order's trace (docs/operations.md, Tracing).
      redisUrl: undefined,
      env: { DEMO: "true" },
      log: pino({ level: "info", mixin: logTraceFields }, sink),
      observability: createObservability({
        otelEndpoint: "http://127.0.0.1:4318",
        metricsPort: undefined,
        host: "127.0.0.1",
      }),
    });
    url = await server.listen();
  });
  afterAll(async () => {
    await server?.close();
    await tracing?.shutdown();
    // Test files share this worker: leave no global tracer behind.
    trace.disable();
    context.disable();
    propagation.disable();
  });

  it("follows one order from its HTTP request to the commit and the WebSocket push", async () => {
    const trader = await registerUser(server);
    await trader.client.wallet.deposit.mutate({ asset: "USDT", amount: "10000" });
    const books: unknown[] = [];
    const subscription = server
      .subscriber(trader.token)
      .market.onBook.subscribe({ symbol: "BTC-USDT" }, { onData: (event) => books.push(event) });
    await eventually(() => books.length > 0, "the book snapshot");
    exporter.reset();

    // A bot's single call: the lean path (ADR 011), traced like any other.
    const order: RouterInputs["orders"]["place"] = {
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      price: "1000",
      quantity: "0.01",
    };
    const answer = await fetch(`${url}/trpc/orders.place`, {
      method: "POST",
      headers: { authorization: `Bearer ${trader.token}`, "content-type": "application/json" },
      body: JSON.stringify({ json: order }),
    });
    expect(answer.status).toBe(200);
    const requestId = answer.headers.get("x-request-id");
    await eventually(() => books.length > 1, "the book diff");
    await eventually(
      () => exporter.getFinishedSpans().some((span) => span.name === "ws.push"),
      "the push span",
    );
    subscription.unsubscribe();

    const spans = exporter.getFinishedSpans();
    const http = spans.find((span) => span.name === "POST /trpc");
    if (!http) throw new Error("no HTTP span");
    const traceId = http.spanContext().traceId;
    const traced = spans.filter((span) => span.spanContext().traceId === traceId);
    const byId = new Map(traced.map((span) => [span.spanContext().spanId, span]));
    const named = (name: string) => {
      const span = traced.find((candidate) => candidate.name === name);
      if (!span) throw new Error(`no ${name} span in the order's trace`);
      return ancestry(span, byId);
    };

    expect(http.parentSpanContext).toBeUndefined();
    expect(named("trpc orders.place")).toEqual(["trpc orders.place", "POST /trpc"]);
    expect(named("sequencer.queue_wait")).toEqual([
      "sequencer.queue_wait",
      "trpc orders.place",
      "POST /trpc",
    ]);
    for (const phase of ["sequencer.match", "sequencer.commit", "sequencer.publish"]) {
      expect(named(phase)).toEqual([phase, "trpc orders.place", "POST /trpc"]);
    }
    expect(named("ws.push")).toEqual([
      "ws.push",
      "sequencer.publish",
      "trpc orders.place",
      "POST /trpc",
    ]);

    // The request's log line carries its trace id.
    const logged = lines.find((line) => line.requestId === requestId && line.msg === "request");
    expect(logged?.traceId).toBe(traceId);
  });
});
