export { EngineInvariantError } from "./assert";
export { MatchingEngine } from "./engine";
export type {
  AcceptedEvent,
  AmendedEvent,
  BookLevelEvent,
  DoneReason,
  DoneStatus,
  EngineEvent,
  OrderDoneEvent,
  OrderUpdatedEvent,
  RejectedEvent,
  ResultCode,
  StopTriggeredEvent,
  TradeEvent,
  TrailingMovedEvent,
} from "./events";
export { RESULT_CODES } from "./events";
export type {
  AmendCommand,
  CancelCommand,
  Command,
  EngineOptions,
  FillCaps,
  FillEstimate,
  L2Snapshot,
  MarketSpec,
  MarketState,
  OrderType,
  OrderView,
  PlaceCommand,
  RestoredOrder,
  Side,
  StpMode,
  TimeInForce,
} from "./types";
export { isSafePositiveInteger } from "./validation";
