import type { CallObserver } from "@cryptotrade/api";
import { context, SpanStatusCode, type Tracer, trace } from "@opentelemetry/api";
import { ActiveUsers } from "./metrics/active-users";
import { channelKindOf } from "./metrics/channel-kind";
import type { MetricSet, Samplers } from "./metrics/registry";

/**
 * The sign-in steps whose failures an operator watches (credential stuffing, lockouts; failed
 * re-authentications in a signed-in session hint at a stolen one).
 */
const SIGN_IN_STEPS: Record<string, string> = {
  "auth.login": "password",
  "auth.verifyTotp": "totp",
  "auth.verifyRecoveryCode": "recovery_code",
  "auth.reauthenticate": "reauthenticate",
};

/**
 * Records every tRPC call (counts, latency, sign-in failures, rate-limit refusals, active
 * users, subscriptions) and, when a tracer is given, runs it inside a span of its own.
 *
 * @example
 * const services = { ...others, observer: createCallObserver({ metrics, samplers }) };
 */
export function createCallObserver(options: {
  metrics: MetricSet;
  samplers: Samplers;
  tracer?: Tracer | undefined;
}): CallObserver {
  const { metrics, tracer } = options;
  const activeUsers = new ActiveUsers();
  options.samplers.activeUsers = () => activeUsers.count();

  return {
    async runCall(call, run, outcomeOf) {
      if (call.userId !== undefined) activeUsers.seen(call.userId);
      const started = performance.now();
      const span = tracer?.startSpan(`trpc ${call.path}`, {
        attributes: { "rpc.system": "trpc", "rpc.method": call.path, "trpc.type": call.type },
      });
      const result = span
        ? await context.with(trace.setSpan(context.active(), span), run)
        : await run();
      const { code, limitedBy } = outcomeOf(result);
      const labels = { procedure: call.path, type: call.type };
      metrics.trpcDuration.observe(labels, (performance.now() - started) / 1000);
      metrics.trpcCalls.inc({ ...labels, transport: call.transport, code });
      if (limitedBy) metrics.rateLimited.inc({ reason: limitedBy });
      const step = SIGN_IN_STEPS[call.path];
      if (step && code !== "OK") metrics.loginFailures.inc({ step, code });
      if (span) {
        span.setAttribute("trpc.code", code);
        if (code === "INTERNAL_SERVER_ERROR") span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
      return result;
    },
    openSubscription(path) {
      const channel = channelKindOf(path);
      metrics.wsSubscriptionsOpened.inc({ channel });
      metrics.wsSubscriptions.inc({ channel });
      return () => metrics.wsSubscriptions.dec({ channel });
    },
    resumed(path, outcome) {
      metrics.wsResumes.inc({ channel: channelKindOf(path), outcome });
    },
    droppedSlowConsumer() {
      metrics.wsSlowConsumers.inc({ stage: "queue" });
    },
  };
}
