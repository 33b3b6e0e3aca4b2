import type { Figure } from "./figure";
import { type OrderToScreenResult, summariseOrderToScreen } from "./order-to-screen";

/**
 * The order-to-screen figures of one run: p50 and p99 against their targets with the socket
 * frame as baseline, and where the time went (sent → row, and the API round trip). `who` says
 * who placed the orders: "bot" (the typed client, its answer moved onto the page's clock) or
 * "page" (the page's own fetch, one clock throughout).
 *
 * @example
 * figures.push(...orderToScreenFigures("bot", result));
 */
export function orderToScreenFigures(who: "bot" | "page", result: OrderToScreenResult): Figure[] {
  const summary = summariseOrderToScreen(result);
  const frame = (value: number) => ({ label: "socket frame in page", value });
  const clock =
    who === "bot"
      ? `clock offset ${result.clock.offsetMs.toFixed(2)} ms ± ${result.clock.uncertaintyMs.toFixed(2)} ms, drift ${result.clock.driftMs.toFixed(2)} ms`
      : "answer and row on the page's clock";
  return [
    {
      name: `order to screen p50 (${who})`,
      value: summary.screenP50,
      unit: "ms",
      target: { op: "≤", value: 25 },
      baseline: frame(summary.frameP50),
      note: `${result.screenMs.length} samples, ${result.skipped} skipped (spread moved), ${result.timedOut} never shown; ${clock}`,
    },
    {
      name: `order to screen p99 (${who})`,
      value: summary.screenP99,
      unit: "ms",
      target: { op: "≤", value: 50 },
      baseline: frame(summary.frameP99),
    },
    // Context: a figure near or below zero means the book showed the level before the answer
    // arrived; these say where the time went.
    {
      name: `order sent to screen p50 (${who})`,
      value: summary.sentToScreenP50,
      unit: "ms",
      note: `p99 ${summary.sentToScreenP99.toFixed(1)} ms; API round trip p50 ${summary.roundTripP50.toFixed(1)} ms, p99 ${summary.roundTripP99.toFixed(1)} ms`,
    },
  ];
}
