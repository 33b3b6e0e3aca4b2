import { z } from "zod";
import { CANDLE_INTERVAL_NAMES, type CandleInterval } from "./candle-intervals";

export {
  CANDLE_INTERVAL_NAMES,
  CANDLE_INTERVALS,
  type CandleInterval,
  isCandleInterval,
} from "./candle-intervals";

/** `market.candles` and `market.onCandles` take one of the intervals. */
export const CandleIntervalInput = z.enum(
  CANDLE_INTERVAL_NAMES as [CandleInterval, ...CandleInterval[]],
);
