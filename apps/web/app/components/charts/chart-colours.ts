/** The design tokens a canvas chart paints with, read from the page (app.css) for the current theme. */
export interface ChartColours {
  surface: string;
  text: string;
  muted: string;
  border: string;
  /** The border colour faded, for grid lines that stay behind the candles. */
  grid: string;
  buy: string;
  sell: string;
  /** Lines of the studies (averages, RSI, MACD): the accent and a second colour beside it. */
  accent: string;
  study: string;
  /** The buy and sell colours faded, for volume bars and depth areas. */
  buyFaded: string;
  sellFaded: string;
}

/**
 * Reads the theme's colours from the CSS custom properties on <html>. Canvas drawing cannot
 * use CSS variables itself, so charts call this again whenever the theme changes.
 */
export function readChartColours(): ChartColours {
  const style = getComputedStyle(document.documentElement);
  const token = (name: string) => style.getPropertyValue(`--ct-${name}`).trim();
  const buy = token("buy");
  const sell = token("sell");
  return {
    surface: token("surface"),
    text: token("text"),
    muted: token("muted"),
    border: token("border"),
    grid: fade(token("border"), "80"),
    buy,
    sell,
    accent: token("accent"),
    study: token("study"),
    buyFaded: fade(buy),
    sellFaded: fade(sell),
  };
}

/** A #rrggbb colour at a lower opacity (the tokens are all written as #rrggbb). */
function fade(colour: string, alpha = "66"): string {
  return /^#[0-9a-f]{6}$/i.test(colour) ? `${colour}${alpha}` : colour;
}
