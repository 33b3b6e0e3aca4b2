import { useTranslation } from "react-i18next";
import { useNumbers } from "~/lib/use-viewer";
import { formatValue } from "./money";
import type { PortfolioSummary } from "./types";

/** Slice colours by rank (whole class names, so Tailwind sees them); the legend names each. */
const SLICE_COLOURS = [
  { stroke: "stroke-accent", fill: "fill-accent" },
  { stroke: "stroke-buy", fill: "fill-buy" },
  { stroke: "stroke-sell", fill: "fill-sell" },
  { stroke: "stroke-muted", fill: "fill-muted" },
  { stroke: "stroke-text", fill: "fill-text" },
  { stroke: "stroke-border", fill: "fill-border" },
] as const;

function colourOf(index: number) {
  return SLICE_COLOURS[index % SLICE_COLOURS.length] ?? SLICE_COLOURS[0];
}

const RADIUS = 40;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/**
 * The share of each asset in the total value: a donut (decoration) beside a legend that says
 * every asset's percent and value in words and numbers, so nothing depends on colour.
 */
export function AllocationChart({ allocation }: { allocation: PortfolioSummary["allocation"] }) {
  const { t } = useTranslation("portfolio");
  const { n } = useNumbers();
  const slices = allocation
    .map((slice) => ({ ...slice, share: Number(slice.percent) / 100 }))
    .filter((slice) => slice.share > 0)
    .sort((a, b) => b.share - a.share);
  let offset = 0;
  return (
    <section aria-labelledby="allocation-heading" className="rounded-lg border border-border p-4">
      <h2 id="allocation-heading" className="mb-3 text-lg font-semibold">
        {t("allocation.title")}
      </h2>
      <div className="flex flex-wrap items-center gap-6">
        <svg viewBox="0 0 100 100" className="size-36 shrink-0 -rotate-90" aria-hidden="true">
          <circle
            cx="50"
            cy="50"
            r={RADIUS}
            fill="none"
            className="stroke-surface-raised"
            strokeWidth="16"
          />
          {slices.map((slice, index) => {
            const length = slice.share * CIRCUMFERENCE;
            const dash = `${length} ${CIRCUMFERENCE - length}`;
            const circle = (
              <circle
                key={slice.asset}
                cx="50"
                cy="50"
                r={RADIUS}
                fill="none"
                strokeWidth="16"
                strokeDasharray={dash}
                strokeDashoffset={-offset}
                className={colourOf(index).stroke}
              />
            );
            offset += length;
            return circle;
          })}
        </svg>
        <ul
          className="flex min-w-40 flex-1 flex-col gap-1 text-sm"
          aria-label={t("allocation.byAsset")}
        >
          {slices.map((slice, index) => (
            <li key={slice.asset} className="flex items-center gap-2">
              <svg viewBox="0 0 10 10" className="size-3 shrink-0" aria-hidden="true">
                <rect width="10" height="10" rx="2" className={colourOf(index).fill} />
              </svg>
              <span className="font-medium">{slice.asset}</span>
              <span className="ml-auto tabular">{n(slice.percent)}%</span>
              <span className="whitespace-nowrap text-right tabular text-muted">
                {slice.value === null
                  ? t("allocation.noPrice")
                  : `${n(formatValue(slice.value))} USDT`}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
