import { SPARKLINE_BOX, sparklinePoints } from "./sparkline-points";

/**
 * A market's last 24 hours as a small line, coloured like its 24-hour change. It is drawn on
 * the server too, so it shows before (and without) JavaScript; its name says what it shows.
 */
export function Sparkline({
  prices,
  trend,
  label,
}: {
  /** Oldest first. */
  prices: readonly string[];
  trend: "up" | "down" | "flat";
  label: string;
}) {
  const points = sparklinePoints(prices);
  if (points === null) return <span className="text-muted">–</span>;
  const colour = { up: "text-buy", down: "text-sell", flat: "text-muted" }[trend];
  return (
    <svg
      role="img"
      aria-label={label}
      viewBox={`0 0 ${SPARKLINE_BOX.width} ${SPARKLINE_BOX.height}`}
      preserveAspectRatio="none"
      className={`ml-auto block h-7 w-28 ${colour}`}
    >
      <polyline
        points={points}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
}
