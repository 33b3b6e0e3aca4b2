import { SOCKET_CALLS_PER_SECOND, sharedFrameEncoder } from "@cryptotrade/api/server";
import { MAX_BATCH_SIZE } from "@cryptotrade/contract/limits";
import type { Encoder } from "@trpc/server/adapters/ws";
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
export const CLOSE_AFTER_PER_SECOND = SOCKET_CALLS_PER_SECOND * 2;

/** What the guard made of the frame tRPC is about to decode. */
type Reading =
  | { text: string; parsed: true; value: unknown }
  | { text: string; parsed: false; error: unknown }
  | { text: string; dropped: true };

/**
 * The calls a decoded frame carries, as tRPC will run them: each element of a batch, or the
 * one message. A frame that is no tRPC message (a number, an object without `method`, a frame
 * that is not JSON) still costs a parse and an error reply, so it counts as one.
 */
function countCalls(message: unknown): number {
  return Array.isArray(message) ? Math.max(1, message.length) : 1;
}

function toText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString("utf8");
  return (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString("utf8");
}

/**
 * Guards sockets against floods by what their frames mean, not their bytes: each frame is
 * parsed as JSON once, here, and its calls counted (so `"\u006dethod"`, the same key as
 * `"method"`, counts too). tRPC's handler gets that same parse through `encoder`: ws emits a
 * frame to its listeners one after another in the same tick, the guard's first, so the frame
 * tRPC decodes next is the one just read; comparing the text (a memcmp, far cheaper than a
 * second JSON.parse) makes sure of it. A frame the guard cut off decodes to no calls at all.
 */
export function createFloodGuard() {
  let last: Reading | undefined;

  const encoder: Encoder = {
    encode: sharedFrameEncoder.encode,
    decode(data) {
      const reading = last;
      last = undefined;
      if (typeof data !== "string" || reading?.text !== data)
        return sharedFrameEncoder.decode(data);
      if ("dropped" in reading) return [];
      if (!reading.parsed) throw reading.error;
      return reading.value;
    },
  };

  /**
   * Watches a socket's frames before tRPC decodes them and closes it (1008) when it sends a
   * frame of more calls than one HTTP batch may carry, or floods past twice its per-second
   * allowance. Within the allowance the per-call limits of the api answer each call
   * (`call-limits.ts`).
   */
  function guard(ws: WebSocket): void {
    let windowStartedAt = 0;
    let callsInWindow = 0;
    let framesInWindow = 0;
    ws.on("message", (data, isBinary) => {
      last = undefined;
      // tRPC answers binary frames with an error and never decodes them as text.
      const text = isBinary ? undefined : toText(data);
      if (ws.readyState !== ws.OPEN) {
        if (text !== undefined) last = { text, dropped: true };
        return;
      }
      let calls = 1;
      if (text !== undefined) {
        try {
          const value: unknown = JSON.parse(text);
          calls = countCalls(value);
          last = { text, parsed: true, value };
        } catch (error) {
          // PING and PONG (tRPC's keep-alive) are not JSON either; each counts as a frame.
          last = { text, parsed: false, error };
        }
      }
      const cut = (reason: string) => {
        if (text !== undefined) last = { text, dropped: true };
        ws.close(POLICY_VIOLATION_CLOSE_CODE, reason);
      };
      if (calls > MAX_BATCH_SIZE) return cut(`more than ${MAX_BATCH_SIZE} calls in one frame`);
      const now = Date.now();
      if (now - windowStartedAt >= 1_000) {
        windowStartedAt = now;
        callsInWindow = 0;
        framesInWindow = 0;
      }
      callsInWindow += calls;
      framesInWindow += 1;
      if (callsInWindow > CLOSE_AFTER_PER_SECOND || framesInWindow > CLOSE_AFTER_PER_SECOND) {
        cut("too many calls: slow down and reconnect");
      }
    });
  }

  return { guard, encoder };
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
