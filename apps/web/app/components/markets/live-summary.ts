import type { LiveState } from "./market-row";

/**
 * One state for a page of subscriptions: interrupted if any is, live once all are, connecting
 * while any still is, and paused before any started (server rendering).
 *
 * @example
 * summariseLiveStates(["pending", "connecting"]); // "connecting"
 */
export function summariseLiveStates(states: readonly LiveState[]): LiveState {
  if (states.includes("error")) return "error";
  if (states.length > 0 && states.every((state) => state === "pending")) return "pending";
  if (states.some((state) => state !== "idle")) return "connecting";
  return "idle";
}
