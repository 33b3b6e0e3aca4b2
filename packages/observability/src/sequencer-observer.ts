import type { ExchangeEvent, MarketInfo, SequencerObserver } from "@cryptotrade/exchange";
import {
  type Context,
  context,
  type Link,
  type Span,
  SpanStatusCode,
  type Tracer,
  trace,
} from "@opentelemetry/api";
import type { MetricSet } from "./metrics/registry";

/** What the observer keeps of each queued command until its batch runs. */
interface JobTag {
  queuedAt: number;
  /** The submitter's trace context, and its queue-wait span, when tracing. */
  context?: Context;
  waiting?: Span;
}

/** A batch's span carries at most this many links to the other commands' traces. */
const MAX_LINKS = 64;

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof value === "object" && value !== null && "then" in value;
}

/**
 * Measures the sequencer (queue depth and wait, batch size, match and commit time, failures)
 * and counts trades, volume and fees from committed batches. With a tracer, each command's
 * queue wait is a span in its caller's trace, and each phase of a batch (match, commit,
 * publish) is a span in the first command's trace, linked from the others; the phase runs
 * inside it, so the database's spans and the WebSocket pushes nest under it.
 *
 * @example
 * const exchange = await Exchange.start({ db, log, observer: createSequencerObserver({ metrics, markets: () => role.exchange.markets() }) });
 */
export function createSequencerObserver(options: {
  metrics: MetricSet;
  /** The markets' decimals and quote asset, to turn trades into volume. */
  markets: () => MarketInfo[];
  tracer?: Tracer | undefined;
}): SequencerObserver {
  const { metrics, tracer } = options;
  let marketsBySymbol = new Map<string, MarketInfo>();
  const marketOf = (symbol: string) => {
    let market = marketsBySymbol.get(symbol);
    if (!market) {
      marketsBySymbol = new Map(options.markets().map((info) => [info.symbol, info]));
      market = marketsBySymbol.get(symbol);
    }
    return market;
  };

  const countTrade = (event: Extract<ExchangeEvent, { type: "trade" }>) => {
    const market = marketOf(event.market);
    metrics.trades.inc({ market: event.market });
    if (!market) return;
    const { trade } = event;
    const quoteScale = 10 ** market.quoteDecimals;
    const labels = { market: event.market, asset: market.quoteAsset };
    metrics.tradeVolumeBase.inc(
      { market: event.market },
      Number(trade.quantity) / 10 ** market.baseDecimals,
    );
    metrics.tradeVolumeQuote.inc(labels, Number(trade.quoteQuantity) / quoteScale);
    metrics.tradeFees.inc(labels, Number(trade.makerFee + trade.takerFee) / quoteScale);
  };

  const startPhaseSpan = (name: string, tags: readonly JobTag[]): Span | undefined => {
    if (!tracer) return undefined;
    const [first, ...others] = tags;
    const links: Link[] = [];
    for (const tag of others.slice(0, MAX_LINKS)) {
      const spanContext = tag.context && trace.getSpanContext(tag.context);
      if (spanContext) links.push({ context: spanContext });
    }
    return tracer.startSpan(
      `sequencer.${name}`,
      { attributes: { "sequencer.batch_size": tags.length }, links },
      first?.context ?? context.active(),
    );
  };

  return {
    queued(depth): JobTag {
      metrics.queueDepth.set(depth);
      const queuedAt = performance.now();
      if (!tracer) return { queuedAt };
      const active = context.active();
      return {
        queuedAt,
        context: active,
        waiting: tracer.startSpan("sequencer.queue_wait", {}, active),
      };
    },
    refusedBusy() {
      metrics.busyRefusals.inc();
    },
    dequeued(depth) {
      metrics.queueDepth.set(depth);
    },
    phase(name, rawTags, run) {
      const tags = rawTags as readonly JobTag[];
      const started = performance.now();
      if (name === "match") {
        for (const tag of tags) {
          metrics.queueWait.observe((started - tag.queuedAt) / 1000);
          tag.waiting?.end();
        }
      }
      const span = startPhaseSpan(name, tags);
      const finish = (failure?: unknown) => {
        const seconds = (performance.now() - started) / 1000;
        if (name === "match") metrics.matchDuration.observe(seconds);
        if (name === "commit") metrics.commitDuration.observe(seconds);
        if (failure !== undefined) span?.setStatus({ code: SpanStatusCode.ERROR });
        span?.end();
      };
      const result = span ? context.with(trace.setSpan(context.active(), span), run) : run();
      if (!isPromise(result)) {
        finish();
        return result;
      }
      result.then(
        () => finish(),
        (error: unknown) => finish(error ?? "failed"),
      );
      return result;
    },
    committed(size, events) {
      metrics.batchSize.observe(size);
      metrics.batchesCommitted.inc();
      metrics.lastCommit.set(Date.now() / 1000);
      for (const event of events) if (event.type === "trade") countTrade(event);
    },
    failed() {
      metrics.commitFailures.inc();
    },
  };
}
