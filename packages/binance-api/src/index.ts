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
export { binanceAsyncApi } from "./streams/asyncapi";
export { answerControlFrame, type ConnectionProperties } from "./streams/control-frames";
export { isListenKeyShaped, LISTEN_KEY_LIFETIME_MS, ListenKeys } from "./streams/listen-keys";
export { type MarketStreamSession, MarketStreamSource } from "./streams/market-session";
export { followUserData } from "./streams/user-data-feed";
export { WsApiSession } from "./streams/ws-api";
export { toBinanceSymbol } from "./symbols";
