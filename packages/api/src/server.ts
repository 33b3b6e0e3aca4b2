// Server internals: how the routers' services are wired (ADR 030), the lean single-call path
// (ADR 011), and the stream hub with its shared frame encoder (ADR 009). Only `apps/server`
// imports these.
export { type PriceAlertWatch, watchPriceAlerts } from "./alerts/fire-price-alerts";
export {
  createPushSender,
  generateWebPushKeys,
  type PushPayload,
  type PushSender,
} from "./alerts/web-push-sender";
export { costOf } from "./call-costs";
export {
  CALL_BUDGET,
  CALLER_WORK_IN_FLIGHT,
  CallLimits,
  SOCKET_CALLS_PER_SECOND,
  SOCKET_MAX_SUBSCRIPTIONS,
} from "./call-limits";
export { refusePasswordFlood } from "./password-flood";
export { type ApiServiceParts, createApiServices, prepareDatabase } from "./services";
export {
  answerSingleCall,
  findSingleCall,
  type SingleCall,
  type SingleCallAnswer,
  type SingleCallRequest,
} from "./single-call";
export { sharedFrameEncoder } from "./streams/shared-encoding";
export { SlowConsumerError, StreamHub, type StreamHubOptions } from "./streams/stream-hub";
