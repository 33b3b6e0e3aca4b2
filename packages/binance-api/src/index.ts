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
export { binanceOpenApi } from "./openapi/binance-openapi";
export type { OpenApiDocument } from "./openapi/openapi-document";
export { toBinanceSymbol } from "./symbols";
