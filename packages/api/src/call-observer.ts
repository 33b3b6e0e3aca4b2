/** One call as the observer sees it: never the caller's input, only what labels may carry. */
export interface ObservedCall {
  /** The procedure, e.g. `orders.place`. */
  path: string;
  type: "query" | "mutation" | "subscription";
  /** Over HTTP (a batch, the lean single-call path, the app) or a WebSocket. */
  transport: "http" | "ws";
  /** Who is calling, when signed in (counted as an active user, never a label). */
  userId: number | undefined;
}

/** How a call ended: `OK` or the tRPC error code, and which limit refused it, if one did. */
export interface CallOutcome {
  code: string;
  limitedBy: string | undefined;
}

/**
 * What the observability layer (metrics, traces) learns of every tRPC call. It is called from
 * a middleware (`trpc.ts`), so every path that answers a call reports it the same way.
 */
export interface CallObserver {
  /** Runs the rest of the call (inside its span, when tracing) and records its outcome. */
  runCall<T>(
    call: ObservedCall,
    run: () => Promise<T>,
    outcomeOf: (result: T) => CallOutcome,
  ): Promise<T>;
  /** A subscription started streaming; the function returned is called once it ends. */
  openSubscription(path: string): () => void;
  /** A subscription that resumed from `lastEventId` either replayed what was missed or asked for a resync. */
  resumed(path: string, outcome: "replayed" | "resync"): void;
  /** A subscriber fell too far behind its queue and was dropped. */
  droppedSlowConsumer(path: string): void;
}
