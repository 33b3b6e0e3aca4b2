import type { Viewer } from "~/lib/viewer";

/** lightweight-charts' TickMarkType, by value: its enum is a runtime import this file avoids. */
const TICK = { year: 0, month: 1, dayOfMonth: 2, time: 3, timeWithSeconds: 4 } as const;

const SHAPES: Record<number, Intl.DateTimeFormatOptions> = {
  [TICK.year]: { year: "numeric" },
  [TICK.month]: { month: "short" },
  [TICK.dayOfMonth]: { day: "numeric" },
  [TICK.time]: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  [TICK.timeWithSeconds]: {
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  },
};
const CROSSHAIR: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
};

/**
 * The chart's time labels in the viewer's zone (ADR 037): lightweight-charts reads its
 * timestamps as UTC, so without these its axis would show UTC times unlabelled. Until the
 * zone is known the labels say UTC.
 *
 * @example
 * const time = chartTimeFormatters({ timeZone: "Asia/Tokyo", locale: "en-GB" });
 * time.tick(1_765_000_000, 3); // "14:26"
 */
export function chartTimeFormatters(viewer: Viewer) {
  const timeZone = viewer.timeZone ?? "UTC";
  const made = new Map<number, Intl.DateTimeFormat>();
  const shape = (type: number) => {
    let format = made.get(type);
    if (!format) {
      format = new Intl.DateTimeFormat(viewer.locale, {
        ...(SHAPES[type] ?? SHAPES[TICK.time]),
        timeZone,
      });
      made.set(type, format);
    }
    return format;
  };
  const crosshair = new Intl.DateTimeFormat(viewer.locale, {
    ...CROSSHAIR,
    timeZone,
    timeZoneName: viewer.timeZone ? undefined : "short",
  });
  return {
    /** An axis label; `type` is lightweight-charts' TickMarkType. */
    tick: (seconds: number, type: number) => shape(type).format(seconds * 1000),
    /** The crosshair's label: the date and time of a candle. */
    crosshair: (seconds: number) => crosshair.format(seconds * 1000),
  };
}
