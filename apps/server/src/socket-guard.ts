import { MAX_BATCH_SIZE, SOCKET_CALLS_PER_SECOND } from "@cryptotrade/api/server";
import { RateLimiterMemory } from "rate-limiter-flexible";
import type { RawData, WebSocket } from "ws";

/** WebSocket close code 1008: the client broke the rules; it may reconnect and behave. */
export const POLICY_VIOLATION_CLOSE_CODE = 1008;
/** New sockets one address may open per `CONNECTS_WINDOW_SECONDS`. */
export const CONNECTS_PER_ADDRESS = 30;
const CONNECTS_WINDOW_SECONDS = 10;
/**
 * Past this many calls (or frames) in a second the socket is closed rather than answered: a
 * refusal per call still costs the server a parse and a reply, which is what a flood wants.
 */
const CLOSE_AFTER_PER_SECOND = SOCKET_CALLS_PER_SECOND * 2;
const METHOD = Buffer.from('"method"');

/** Calls in one frame, counted without parsing it: each call names its method once. */
function countCalls(frame: Buffer): number {
  let calls = 0;
  for (let at = frame.indexOf(METHOD); at !== -1; at = frame.indexOf(METHOD, at + METHOD.length)) {
    calls += 1;
  }
  return calls;
}

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  return Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
}

/**
 * Watches a socket's frames before tRPC parses them and closes it (1008) when it sends a frame
 * of more calls than one HTTP batch may carry, or floods past twice its per-second allowance.
 * Within the allowance the per-call limits of the api answer each call (`call-limits.ts`).
 */
export function guardAgainstFloods(ws: WebSocket): void {
  let windowStartedAt = 0;
  let callsInWindow = 0;
  let framesInWindow = 0;
  ws.on("message", (data) => {
    if (ws.readyState !== ws.OPEN) return;
    const calls = countCalls(toBuffer(data));
    if (calls > MAX_BATCH_SIZE) {
      ws.close(POLICY_VIOLATION_CLOSE_CODE, `more than ${MAX_BATCH_SIZE} calls in one frame`);
      return;
    }
    const now = Date.now();
    if (now - windowStartedAt >= 1_000) {
      windowStartedAt = now;
      callsInWindow = 0;
      framesInWindow = 0;
    }
    callsInWindow += calls;
    framesInWindow += 1;
    if (callsInWindow > CLOSE_AFTER_PER_SECOND || framesInWindow > CLOSE_AFTER_PER_SECOND) {
      ws.close(POLICY_VIOLATION_CLOSE_CODE, "too many calls: slow down and reconnect");
    }
  });
}

/** How many sockets each address may open in a window, so a closed flooder cannot just come back. */
export function createConnectLimiter() {
  const limiter = new RateLimiterMemory({
    points: CONNECTS_PER_ADDRESS,
    duration: CONNECTS_WINDOW_SECONDS,
  });
  return {
    /** Resolves true when `address` may open another socket now. */
    admit: (address: string) =>
      limiter.consume(address).then(
        () => true,
        (refusal: unknown) => {
          if (refusal instanceof Error) throw refusal;
          return false;
        },
      ),
  };
}
