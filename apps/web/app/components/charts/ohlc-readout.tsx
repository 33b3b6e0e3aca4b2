import { useTranslation } from "react-i18next";
import { LiveValue, useLiveValue } from "~/components/trade/live-value";
import { useNumbers, useTimeFormat } from "~/lib/use-viewer";
import type { CandleReadout } from "./candle-readout";

/** The candle the readout shows: the one under the cursor, else the latest. */
export interface ReadoutState {
  readout: CandleReadout | null;
  hovering: boolean;
}

/** A fresh store for the readout: the chart writes it on every cursor move, only this reads it. */
export function createReadoutStore() {
  return new LiveValue<ReadoutState>({ readout: null, hovering: false });
}

/**
 * Open, high, low, close, change and volume of one candle, with its time in the viewer's zone,
 * as text above the chart. Not a live region: it changes with every cursor move, which a
 * screen reader would read out endlessly; it is a labelled region to read when wanted.
 */
export function OhlcReadout({
  store,
  baseAsset,
}: {
  store: LiveValue<ReadoutState>;
  baseAsset: string;
}) {
  const { readout, hovering } = useLiveValue(store);
  const { n } = useNumbers();
  const { t } = useTranslation("charts");
  const time = useTimeFormat();
  const items = readout
    ? ([
        [t("readout.O"), t("readout.open"), n(readout.open), "open"],
        [t("readout.H"), t("readout.high"), n(readout.high), "high"],
        [t("readout.L"), t("readout.low"), n(readout.low), "low"],
        [t("readout.C"), t("readout.close"), n(readout.close), "close"],
        [t("readout.Chg"), t("readout.change"), `${n(readout.change)}%`, "change"],
        [t("readout.Vol"), t("readout.volume", { asset: baseAsset }), n(readout.volume), "volume"],
      ] as const)
    : [];
  return (
    <section
      aria-label={t("readout.label")}
      className="tabular flex min-h-5 flex-wrap items-baseline gap-x-3 gap-y-0.5 text-xs"
    >
      <h3 className="sr-only">{hovering ? t("readout.hovering") : t("readout.latest")}</h3>
      {readout ? (
        <>
          <time dateTime={readout.time.toISOString()} className="text-muted">
            {time.moment(readout.time)}
          </time>
          <dl className="flex flex-wrap gap-x-3">
            {items.map(([short, long, value, id]) => (
              <div key={id} className="flex gap-1">
                <dt className="text-muted">
                  <span aria-hidden="true">{short}</span>
                  <span className="sr-only">{long}</span>
                </dt>
                <dd
                  data-testid={`readout-${id}`}
                  className={
                    id === "close"
                      ? toneOf(readout.up)
                      : id === "change"
                        ? toneOf(!readout.change.startsWith("-"))
                        : ""
                  }
                >
                  {value}
                </dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </section>
  );
}

/** Green for a rise, red for a fall (the close against its open, the change against the last close). */
function toneOf(up: boolean): string {
  return up ? "text-buy" : "text-sell";
}
