import { useMemo, useSyncExternalStore } from "react";
import type { BookStore } from "~/components/trade/book-store";
import type { MarketFormat } from "~/components/trade/book-view";
import { computeDepthCurves, type DepthPoint } from "./depth-points";

const WIDTH = 600;
const HEIGHT = 300;
const LEVELS = 60;

/**
 * Cumulative bids (left, green) and asks (right, red) from the live book, as an SVG that
 * scales with its box. Repaints at most once per animation frame, like the book.
 */
export function DepthChart({
  store,
  format,
  baseAsset,
}: {
  store: BookStore;
  format: MarketFormat;
  baseAsset: string;
}) {
  const version = useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
  // The store mutates in place; its version says when to compute again.
  const curves = useMemo(
    () => computeDepthCurves(store.book.bids, store.book.asks, format, LEVELS),
    [store, format, version],
  );
  const { summary } = curves;
  if (!summary) {
    return (
      <div className="grid min-h-72 flex-1 place-items-center text-sm text-muted sm:min-h-96">
        The depth chart needs orders on both sides of the book.
      </div>
    );
  }
  const prices = [...curves.bids, ...curves.asks].map((point) => point.price);
  const low = Math.min(...prices);
  const high = Math.max(...prices);
  const top = Math.max(curves.bids.at(-1)?.total ?? 0, curves.asks.at(-1)?.total ?? 0) || 1;
  const x = (price: number) => ((price - low) / (high - low || 1)) * WIDTH;
  const y = (total: number) => HEIGHT - (total / top) * (HEIGHT - 16);
  return (
    <figure className="flex min-h-72 w-full flex-1 flex-col sm:min-h-96">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`Depth: ${summary.bidTotal} ${baseAsset} bid down to ${summary.lowestBid}, ${summary.askTotal} ${baseAsset} asked up to ${summary.highestAsk}`}
        className="min-h-0 w-full flex-1"
      >
        <path
          d={stepArea(curves.bids, x, y)}
          className="fill-buy/25 stroke-buy"
          strokeWidth={2}
          vectorEffect="non-scaling-stroke"
        />
        <path
          d={stepArea(curves.asks, x, y)}
          className="fill-sell/25 stroke-sell"
          strokeWidth={2}
          vectorEffect="non-scaling-stroke"
        />
      </svg>
      <figcaption className="tabular flex justify-between text-xs text-muted">
        <span>{summary.lowestBid}</span>
        <span aria-hidden="true">
          <span className="text-buy">■</span> Bids · Asks <span className="text-sell">■</span>
        </span>
        <span>{summary.highestAsk}</span>
      </figcaption>
    </figure>
  );
}

/** A stepped area from the best price outwards, closed along the bottom edge. */
function stepArea(
  points: DepthPoint[],
  x: (price: number) => number,
  y: (total: number) => number,
) {
  const first = points[0];
  if (!first) return "";
  let path = `M ${x(first.price)} ${HEIGHT} L ${x(first.price)} ${y(first.total)}`;
  let previous = first;
  for (const point of points.slice(1)) {
    path += ` L ${x(point.price)} ${y(previous.total)} L ${x(point.price)} ${y(point.total)}`;
    previous = point;
  }
  return `${path} L ${x(previous.price)} ${HEIGHT} Z`;
}
