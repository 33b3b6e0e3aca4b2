export {
  BINANCE_API_PREFIX,
  type BinanceApiDeps,
  binanceApi,
  binanceCalls,
} from "./binance-api";
export type { BinanceCalls, BinanceRequest, BinanceResponse } from "./binance-calls";
export {
  type BinanceAnswer,
  BinanceError,
  type BinanceRefusal,
  binanceAnswerOf,
} from "./binance-errors";
export { binanceOpenApi } from "./openapi/binance-openapi";
export type { OpenApiDocument } from "./openapi/openapi-document";
export { binanceAsyncApi } from "./streams/asyncapi";
export { answerControlFrame, type ConnectionProperties } from "./streams/control-frames";
export { isListenKeyShaped, LISTEN_KEY_LIFETIME_MS, ListenKeys } from "./streams/listen-keys";
export { type MarketStreamSession, MarketStreamSource } from "./streams/market-session";
export { followUserData } from "./streams/user-data-feed";
export { WsApiSession } from "./streams/ws-api";
export { toBinanceSymbol } from "./symbols";
