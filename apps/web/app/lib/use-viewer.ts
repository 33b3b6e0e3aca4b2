import { useSyncExternalStore } from "react";
import { useRouteLoaderData } from "react-router";
import type { loader as rootLoader } from "~/root";
import { formattingLocaleFor } from "./i18n/languages";
import { decimalSeparatorOf, localizeDecimal } from "./number-format";
import { formatClock, formatMoment, formatRecent } from "./time-format";
import { DEFAULT_LOCALE, type Viewer } from "./viewer";

// A browser's zone and locale do not change while a page is open: read once, since React asks
// on every render of every component that formats, and a formatter is costly to make.
const unchanging = () => () => {};
let zone: string | undefined;
const browserZone = () => {
  zone ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
  return zone;
};

/**
 * The viewer to format for. While hydrating, React renders what the server rendered (the
 * cookies' values); right after, the browser's own, so a first visit (no cookies yet) never
 * mismatches and never keeps the server's guess. A language chosen explicitly decides the
 * locale over the browser's (ADR 041).
 */
export function useViewer(): Viewer {
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const choice = root?.language;
  const browserLocale = () => {
    const own = navigator.language || DEFAULT_LOCALE;
    return choice?.explicit ? formattingLocaleFor(choice.language, own) : own;
  };
  const timeZone = useSyncExternalStore<string | null>(
    unchanging,
    browserZone,
    () => root?.viewer.timeZone ?? null,
  );
  const locale = useSyncExternalStore(
    unchanging,
    browserLocale,
    () => root?.viewer.locale ?? DEFAULT_LOCALE,
  );
  return { timeZone, locale };
}

/**
 * The app's time formats (app/lib/time-format.ts) bound to the viewer, for components.
 *
 * @example
 * const time = useTimeFormat();
 * <time dateTime={at.toISOString()}>{time.moment(at)}</time>
 */
export function useTimeFormat() {
  const viewer = useViewer();
  return {
    clock: (time: Date | string) => formatClock(time, viewer),
    moment: (time: Date | string | null | undefined) => formatMoment(time, viewer),
    recent: (time: Date | string) => formatRecent(time, viewer, new Date()),
  };
}

/**
 * Numbers in the viewer's locale: `n` re-writes a decimal the app formatted ("1,234.56") with
 * the locale's separators, exactly; `separator` is the locale's decimal mark, for inputs.
 *
 * @example
 * const { n } = useNumbers();
 * <td>{n(formatValue(row.value))}</td>
 */
export function useNumbers() {
  const { locale } = useViewer();
  return {
    n: (text: string) => localizeDecimal(text, locale),
    separator: decimalSeparatorOf(locale),
  };
}
