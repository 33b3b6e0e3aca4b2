export type { BookSnapshot } from "./book-view";
export type { AmendOrderInput } from "./commands/amend-order";
export type { CancelTarget } from "./commands/cancel-order";
export { MAX_PENDING_WITHDRAWALS, type TransferRequest } from "./commands/wallet";
export {
  ExchangeError,
  type ExchangeErrorCode,
  invalidInput,
  NotLeaderError,
  outcomeUnknown,
} from "./errors";
export type { BookLevelChange, ExchangeEvent, ExchangeListener } from "./events";
export { Exchange, type ExchangeOptions } from "./exchange";
export type { ExchangeCommands, ExchangeService, WithdrawalReview } from "./exchange-service";
export { checkInvariants, type InvariantReport } from "./invariants";
export { systemClock } from "./leadership/clock";
export { describeHolder, LeaderLease, type LeaseAttempt } from "./leadership/leader-lease";
export { Leadership } from "./leadership/leadership";
export type { Follower, LeaderServing } from "./leadership/leadership-state";
export type { Balance } from "./ledger";
export { loadMarkets, type MarketInfo } from "./markets";
export type { PlaceOrderInput } from "./order-input";
export * as portfolio from "./portfolio";
export * as queries from "./queries/index";
export type { OrderRecord, TradeRecord, TransactionRecord } from "./records";
export {
  type ForwardedCommands,
  forwardCommands,
  type RpcMessage,
  serveCommands,
} from "./replica/commands-rpc";
export { ExchangeReplica } from "./replica/exchange-replica";
export type { SequencerHealth } from "./sequencer";
export type { SequencerObserver, SequencerPhase } from "./sequencer-observer";
export { type BusHandler, type EventBus, InProcessBus } from "./streams/bus";
export type { BookDiffMessage, StreamMessage } from "./streams/messages";
export { channels } from "./streams/messages";
export { createMessageIds, publishExchangeEvents } from "./streams/publisher";
export { RedisBus, type RedisBusOptions } from "./streams/redis-bus";
export * as views from "./views";
