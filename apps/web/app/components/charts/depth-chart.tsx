import { type PointerEvent, useMemo, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import type { BookStore } from "~/components/trade/book-store";
import type { MarketFormat } from "~/components/trade/book-view";
import { useNumbers } from "~/lib/use-viewer";
import { axisTicks, computeDepthCurves, type DepthPoint, depthAt } from "./depth-points";

const WIDTH = 600;
const HEIGHT = 300;
/** Room above the deepest total, so its step is not drawn on the top edge. */
const HEADROOM = 16;
const LEVELS = 60;

/**
 * Cumulative bids (left, green) and asks (right, red) from the live book, as an SVG that
 * scales with its box, with a price axis below, a cumulative-amount axis beside it and, under
 * the pointer, the price, the amount up to it and what that costs in quote. Repaints at most
 * once per animation frame, like the book.
 */
export function DepthChart({
  store,
  format,
  baseAsset,
  quoteAsset,
}: {
  store: BookStore;
  format: MarketFormat;
  baseAsset: string;
  quoteAsset: string;
}) {
  const version = useSyncExternalStore(store.subscribe, store.getVersion, store.getVersion);
  // The store mutates in place; its version says when to compute again.
  const curves = useMemo(
    () => computeDepthCurves(store.book.bids, store.book.asks, format, LEVELS),
    [store, format, version],
  );
  const [pointer, setPointer] = useState<number | null>(null);
  const { n } = useNumbers();
  const { t } = useTranslation("charts");
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
  const y = (total: number) => HEIGHT - (total / top) * (HEIGHT - HEADROOM);
  const priceTicks = axisTicks(low, high, 4);
  const amountTicks = axisTicks(0, top, 4);
  const hoveredPrice = pointer === null ? null : low + pointer * (high - low);
  const hovered = hoveredPrice === null ? null : depthAt(curves, hoveredPrice);
  const track = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    setPointer(Math.min(Math.max((event.clientX - box.left) / (box.width || 1), 0), 1));
  };
  const percent = (value: number, of: number) => `${(value / of) * 100}%`;
  return (
    <figure className="flex min-h-72 w-full flex-1 flex-col gap-1 sm:min-h-96">
      <section aria-label={t("depth.readout")} className="tabular min-h-5 text-xs">
        {hovered ? (
          <p
            data-testid="depth-readout"
            className={hovered.side === "bid" ? "text-buy" : "text-sell"}
          >
            {t(hovered.side === "bid" ? "depth.bidAt" : "depth.askAt", {
              price: n(hovered.point.exact.price),
              total: n(hovered.point.exact.total),
              asset: baseAsset,
              quoteTotal: n(hovered.point.exact.quoteTotal),
              quote: quoteAsset,
            })}
          </p>
        ) : (
          <p className="text-muted">{t("depth.point")}</p>
        )}
      </section>
      <div className="grid min-h-0 flex-1 grid-cols-[auto_minmax(0,1fr)] grid-rows-[minmax(0,1fr)_auto] gap-x-1">
        <ul
          className="tabular relative w-14 text-right text-[10px] text-muted"
          aria-label={t("depth.amountAxis", { asset: baseAsset })}
        >
          {amountTicks.values.map((tick) => (
            <li
              key={tick}
              className="absolute right-0 -translate-y-1/2"
              style={{ top: percent(y(tick), HEIGHT) }}
            >
              {n(tick.toFixed(amountTicks.decimals))}
            </li>
          ))}
        </ul>
        <div
          className="relative min-h-0 touch-none"
          onPointerMove={track}
          onPointerDown={track}
          onPointerLeave={() => setPointer(null)}
          data-testid="depth-plot"
        >
          <svg
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            preserveAspectRatio="none"
            role="img"
            aria-label={t("depth.summary", { ...summary, asset: baseAsset })}
            className="absolute inset-0 h-full w-full border-b border-l border-border"
          >
            {amountTicks.values.map((tick) => (
              <line
                key={tick}
                x1={0}
                x2={WIDTH}
                y1={y(tick)}
                y2={y(tick)}
                className="stroke-border/50"
                vectorEffect="non-scaling-stroke"
              />
            ))}
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
            {hovered && hoveredPrice !== null ? (
              <line
                x1={x(hoveredPrice)}
                x2={x(hoveredPrice)}
                y1={0}
                y2={HEIGHT}
                className="stroke-text"
                strokeDasharray="4 4"
                vectorEffect="non-scaling-stroke"
              />
            ) : null}
          </svg>
        </div>
        <span aria-hidden="true" />
        <ul
          className="tabular relative h-4 text-[10px] text-muted"
          aria-label={t("depth.priceAxis", { asset: quoteAsset })}
        >
          {priceTicks.values.map((tick) => (
            <li
              key={tick}
              className="absolute -translate-x-1/2"
              style={{ left: percent(x(tick), WIDTH) }}
            >
              {n(tick.toFixed(priceTicks.decimals))}
            </li>
          ))}
        </ul>
      </div>
      <figcaption className="tabular flex justify-between text-xs text-muted">
        <span>{n(summary.lowestBid)}</span>
        <span aria-hidden="true">
          <span className="text-buy">■</span> Bids · Asks <span className="text-sell">■</span>
        </span>
        <span>{n(summary.highestAsk)}</span>
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
