import { Trans, useTranslation } from "react-i18next";
import { useNumbers } from "~/lib/use-viewer";
import { formatValue, toPlotNumber } from "./money";

const WIDTH = 600;
const HEIGHT = 180;
const PAD = 6;

/**
 * The portfolio's value as a line over time. The drawing is decoration: its caption says the
 * first and last values, the low and the high, in text.
 */
export function ValueLine({
  points,
  rangeName,
}: {
  points: ReadonlyArray<{ time: Date; totalValue: string }>;
  rangeName: string;
}) {
  const { t } = useTranslation("portfolio");
  const { n } = useNumbers();
  if (points.length < 2) {
    return (
      <p className="flex h-44 items-center justify-center rounded border border-dashed border-border px-4 text-center text-sm text-muted">
        {t("history.notEnough", { range: rangeName })}
      </p>
    );
  }
  const values = points.map((point) => toPlotNumber(point.totalValue));
  const times = points.map((point) => point.time.getTime());
  const low = Math.min(...values);
  const high = Math.max(...values);
  const first = times[0] ?? 0;
  const span = Math.max((times.at(-1) ?? first) - first, 1);
  // A flat history draws across the middle, not along the floor.
  const rise = high - low;
  const path = values
    .map((value, i) => {
      const x = PAD + (((times[i] ?? first) - first) / span) * (WIDTH - 2 * PAD);
      const y =
        rise === 0 ? HEIGHT / 2 : HEIGHT - PAD - ((value - low) / rise) * (HEIGHT - 2 * PAD);
      return `${i === 0 ? "M" : "L"}${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(" ");
  const lowText = n(formatValue(points[values.indexOf(low)]?.totalValue ?? "0"));
  const highText = n(formatValue(points[values.indexOf(high)]?.totalValue ?? "0"));
  const value = <span className="tabular" />;
  return (
    <figure>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-44 w-full"
        preserveAspectRatio="none"
        aria-hidden="true"
      >
        <path
          d={path}
          fill="none"
          className="stroke-accent"
          strokeWidth="2"
          vectorEffect="non-scaling-stroke"
        />
      </svg>
      <figcaption className="mt-2 flex flex-wrap justify-between gap-2 text-xs text-muted">
        <span>
          <Trans
            t={t}
            i18nKey="history.fromTo"
            values={{
              from: n(formatValue(points[0]?.totalValue ?? "0")),
              to: n(formatValue(points.at(-1)?.totalValue ?? "0")),
            }}
            components={{ value }}
          />
        </span>
        <span>
          <Trans
            t={t}
            i18nKey="history.lowHigh"
            values={{ low: lowText, high: highText }}
            components={{ value }}
          />
        </span>
      </figcaption>
    </figure>
  );
}
