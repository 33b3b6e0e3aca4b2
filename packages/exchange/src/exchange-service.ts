import type { BookSnapshot } from "./book-view";
import type { AmendOrderInput } from "./commands/amend-order";
import type { CancelTarget } from "./commands/cancel-order";
import type { TransferRequest } from "./commands/wallet";
import type { MarketInfo } from "./markets";
import type { PlaceOrderInput } from "./order-input";
import type { OrderRecord, TransactionRecord } from "./records";

export interface WithdrawalReview {
  transactionId: number;
  approve: boolean;
  /** The admin who reviewed it; null when the exchange cancelled it (the owner's password changed). */
  reviewerId: number | null;
  note?: string | null;
}

/** The commands that change money; a replica forwards exactly these to the leader. */
export interface ExchangeCommands {
  placeOrder(userId: number, input: PlaceOrderInput): Promise<OrderRecord>;
  cancelOrder(userId: number, target: CancelTarget, idempotencyKey?: string): Promise<OrderRecord>;
  cancelAllOrders(userId: number, symbol?: string, idempotencyKey?: string): Promise<OrderRecord[]>;
  amendOrder(userId: number, target: CancelTarget, input: AmendOrderInput): Promise<OrderRecord>;
  deposit(request: TransferRequest): Promise<TransactionRecord>;
  requestWithdrawal(request: TransferRequest): Promise<TransactionRecord>;
  reviewWithdrawal(review: WithdrawalReview): Promise<TransactionRecord>;
  createMarket(info: MarketInfo): Promise<MarketInfo>;
  setMarketStatus(symbol: string, status: MarketInfo["status"]): Promise<MarketInfo>;
}

export const COMMAND_NAMES = [
  "placeOrder",
  "cancelOrder",
  "cancelAllOrders",
  "amendOrder",
  "deposit",
  "requestWithdrawal",
  "reviewWithdrawal",
  "createMarket",
  "setMarketStatus",
] as const satisfies ReadonlyArray<keyof ExchangeCommands>;

/**
 * What the API needs of the exchange: the commands, the markets and the published books. The
 * leader (`Exchange`) runs the sequencer; a replica (`ExchangeReplica`) forwards commands to it
 * and follows its books over the bus.
 */
export interface ExchangeService extends ExchangeCommands {
  markets(): MarketInfo[];
  requireMarket(symbol: string): MarketInfo;
  orderBook(symbol: string, depth: number): BookSnapshot;
  bestPrices(symbol: string): { bid: bigint | undefined; ask: bigint | undefined };
}
