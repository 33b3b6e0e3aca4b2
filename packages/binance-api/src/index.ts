export {
  BINANCE_API_PREFIX,
  type BinanceApiDeps,
  type BinanceEnv,
  binanceApi,
} from "./binance-api";
export {
  type BinanceAnswer,
  BinanceError,
  type BinanceRefusal,
  binanceAnswerOf,
} from "./binance-errors";
export { toBinanceSymbol } from "./symbols";
