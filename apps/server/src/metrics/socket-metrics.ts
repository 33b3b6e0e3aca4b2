import type { MetricSet } from "@cryptotrade/observability";
import { context, type Tracer, trace } from "@opentelemetry/api";
import type { WebSocket } from "ws";

/** Close codes an operator tells apart; anything else is "other". */
const CLOSE_REASONS: Record<number, string> = {
  1000: "normal",
  1001: "going_away",
  1005: "normal",
  1006: "abnormal",
  1008: "policy",
  1012: "restart",
  1013: "slow_consumer",
  4401: "revoked",
};

/** What the WebSocket endpoint reports: upgrades answered, and each socket it accepts. */
export interface SocketObserver {
  /** An upgrade request answered: 101 when accepted, else the refusal's status. */
  upgraded(status: number): void;
  /** A socket was accepted: counts it, its frames and how it closes. */
  connected(ws: WebSocket): void;
}

/**
 * Counts WebSocket connections, frames sent and closes by reason. Every frame, the adapter's
 * and the directly delivered ones (ADR 009), goes through `send`, so that is where frames are
 * counted; with a tracer, a frame sent while a span is active (a publish) is a span of its own.
 *
 * @example
 * attachWebSocket(server, services, createSocketObserver({ metrics }));
 */
export function createSocketObserver(options: {
  metrics: MetricSet;
  tracer?: Tracer | undefined;
}): SocketObserver {
  const { metrics, tracer } = options;
  return {
    upgraded(status) {
      metrics.httpRequests.inc({ route: "/ws", method: "GET", status: String(status) });
      if (status === 429) metrics.rateLimited.inc({ reason: "ws_connects" });
    },
    connected(ws) {
      metrics.wsConnectionsOpened.inc();
      metrics.wsConnections.inc();
      const send = ws.send.bind(ws);
      ws.send = ((...args: Parameters<WebSocket["send"]>) => {
        metrics.wsMessagesSent.inc();
        const parent = tracer && trace.getSpan(context.active());
        if (!parent || !tracer) return send(...args);
        const span = tracer.startSpan("ws.push");
        try {
          return send(...args);
        } finally {
          span.end();
        }
      }) as WebSocket["send"];
      ws.once("close", (code: number) => {
        metrics.wsConnections.dec();
        const reason = CLOSE_REASONS[code] ?? "other";
        metrics.wsCloses.inc({ reason });
        if (reason === "slow_consumer") metrics.wsSlowConsumers.inc({ stage: "socket" });
      });
    },
  };
}
