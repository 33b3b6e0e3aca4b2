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
  const time = useTimeFormat();
  const items = readout
    ? ([
        ["O", "Open", n(readout.open), "open"],
        ["H", "High", n(readout.high), "high"],
        ["L", "Low", n(readout.low), "low"],
        ["C", "Close", n(readout.close), "close"],
        ["Chg", "Change", `${n(readout.change)}%`, "change"],
        ["Vol", `Volume (${baseAsset})`, n(readout.volume), "volume"],
      ] as const)
    : [];
  return (
    <section
      aria-label="Candle readout"
      className="tabular flex min-h-5 flex-wrap items-baseline gap-x-3 gap-y-0.5 text-xs"
    >
      <h3 className="sr-only">{hovering ? "Candle under the cursor" : "Latest candle"}</h3>
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
