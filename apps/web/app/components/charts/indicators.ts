/**
 * Chart studies computed from closing prices. Floats are fine here: these only place lines on
 * a canvas, they never move money. Each result is as long as its input, `null` where the study
 * has too little history yet, so index i always belongs to candle i.
 */
export type Study = (number | null)[];

/**
 * Simple moving average: the mean of the last `period` values.
 *
 * @example
 * movingAverage([1, 2, 3, 4, 5], 3); // [null, null, 2, 3, 4]
 */
export function movingAverage(values: number[], period: number): Study {
  let sum = 0;
  return values.map((value, index) => {
    sum += value;
    if (index >= period) sum -= values[index - period] ?? 0;
    return index >= period - 1 ? sum / period : null;
  });
}

/**
 * Exponential moving average with weight 2 / (period + 1), seeded with the simple average of
 * the first `period` values (as most charting platforms do). Gaps (`null`) at the start are
 * skipped, so it can smooth another study (MACD's signal line).
 *
 * @example
 * exponentialMovingAverage([1, 2, 3, 4], 2); // [null, 1.5, 2.5, 3.5]
 */
export function exponentialMovingAverage(values: Study, period: number): Study {
  const weight = 2 / (period + 1);
  const result: Study = [];
  let seen = 0;
  let sum = 0;
  let previous: number | null = null;
  for (const value of values) {
    if (value === null) {
      result.push(null);
      continue;
    }
    seen += 1;
    if (previous === null) {
      sum += value;
      if (seen === period) previous = sum / period;
      result.push(previous);
      continue;
    }
    previous = value * weight + previous * (1 - weight);
    result.push(previous);
  }
  return result;
}

export interface BollingerBands {
  middle: Study;
  upper: Study;
  lower: Study;
}

/**
 * Bollinger bands: the simple average, and `width` population standard deviations either side.
 *
 * @example
 * bollingerBands([1, 2, 3], 3, 2).upper; // [null, null, 3.632…]
 */
export function bollingerBands(values: number[], period: number, width: number): BollingerBands {
  const middle = movingAverage(values, period);
  const spread = middle.map((mean, index) => {
    if (mean === null) return null;
    let squares = 0;
    for (let back = index - period + 1; back <= index; back++) {
      squares += ((values[back] ?? mean) - mean) ** 2;
    }
    return width * Math.sqrt(squares / period);
  });
  return {
    middle,
    upper: middle.map((mean, index) => (mean === null ? null : mean + (spread[index] ?? 0))),
    lower: middle.map((mean, index) => (mean === null ? null : mean - (spread[index] ?? 0))),
  };
}

/**
 * Wilder's relative strength index, 0–100: the first average gain and loss are simple means
 * of the first `period` changes, later ones are smoothed by (previous × (period − 1) + now) / period.
 *
 * @example
 * relativeStrengthIndex([1, 2, 3, 4], 3); // [null, null, null, 100]
 */
export function relativeStrengthIndex(values: number[], period: number): Study {
  const result: Study = values.map(() => null);
  let gain = 0;
  let loss = 0;
  for (let index = 1; index < values.length; index++) {
    const change = (values[index] ?? 0) - (values[index - 1] ?? 0);
    const up = Math.max(change, 0);
    const down = Math.max(-change, 0);
    if (index <= period) {
      gain += up / period;
      loss += down / period;
      if (index < period) continue;
    } else {
      gain = (gain * (period - 1) + up) / period;
      loss = (loss * (period - 1) + down) / period;
    }
    result[index] = loss === 0 ? (gain === 0 ? 50 : 100) : 100 - 100 / (1 + gain / loss);
  }
  return result;
}

export interface Macd {
  macd: Study;
  signal: Study;
  histogram: Study;
}

/**
 * Moving average convergence/divergence: the fast EMA less the slow one, its own EMA as the
 * signal line, and the difference of the two as the histogram.
 *
 * @example
 * macd(closes, 12, 26, 9).histogram.at(-1);
 */
export function macd(values: number[], fast: number, slow: number, signalPeriod: number): Macd {
  const fastLine = exponentialMovingAverage(values, fast);
  const slowLine = exponentialMovingAverage(values, slow);
  const line = fastLine.map((value, index) => {
    const slowValue = slowLine[index];
    return value === null || slowValue === null || slowValue === undefined
      ? null
      : value - slowValue;
  });
  const signal = exponentialMovingAverage(line, signalPeriod);
  const histogram = line.map((value, index) => {
    const signalValue = signal[index];
    return value === null || signalValue === null || signalValue === undefined
      ? null
      : value - signalValue;
  });
  return { macd: line, signal, histogram };
}
