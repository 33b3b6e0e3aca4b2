import type { PriceAlertView } from "@cryptotrade/contract/alerts";
import type { FillView, OrderView } from "../views";

export interface BookLevelView {
  price: string;
  quantity: string;
}

/** One batch's changes to a book: levels with their new quantity ("0" = gone). */
export interface BookDiffMessage {
  kind: "diff";
  symbol: string;
  fromSequence: number;
  toSequence: number;
  /** When the batch was published (ms since epoch), to measure delivery latency. */
  publishedAt: number;
  bids: BookLevelView[];
  asks: BookLevelView[];
}

interface PublicTradeMessage {
  id: string;
  symbol: string;
  price: string;
  quantity: string;
  quoteQuantity: string;
  takerSide: "buy" | "sell";
  time: Date;
}

interface TradesMessage {
  kind: "trades";
  id: string;
  symbol: string;
  trades: PublicTradeMessage[];
}

/**
 * What happened to an order in the batch that published its update, so a client can word it
 * ("Bought 0.01 BTC", "Stop triggered") without remembering earlier states. Several commands in
 * one batch are summed: a stop that triggered and filled at once says both.
 */
export interface OrderChange {
  /** Base filled in this batch, in the market's base decimals ("0" when nothing filled). */
  filledQuantity: string;
  /** Quote those fills came to, in the quote decimals. */
  filledQuote: string;
  /** Whether the order's stop, take-profit or trailing trigger fired in this batch. */
  triggered: boolean;
  /**
   * Each trade that filled the order in this batch, newest first, exactly as `orders.fills`
   * lists it for the order's owner: a client shows the row without asking for it.
   */
  fills: FillView[];
}

interface OrderUpdateMessage {
  kind: "order";
  id: string;
  order: OrderView;
  change: OrderChange;
}

interface BalanceUpdateMessage {
  kind: "balance";
  id: string;
  asset: string;
  available: string;
  locked: string;
}

/**
 * A wallet transaction changed: a deposit credited (+amount), a withdrawal requested and held
 * (-(amount + fee)), rejected and returned (+(amount + fee)) or approved (0: only the held
 * money leaves, the available balance does not move).
 */
interface WalletUpdateMessage {
  kind: "wallet";
  id: string;
  transactionId: string;
  type: "deposit" | "withdrawal";
  status: "pending" | "completed" | "rejected";
  asset: string;
  /** The amount deposited or withdrawn (a withdrawal's fee not included). */
  amount: string;
  /** The signed change of the available balance, in the asset's decimals. */
  delta: string;
  /** When the ledger recorded it (ms since epoch). */
  time: number;
}

/** One of the user's price alerts fired (ADR 040); sent once, when its trade claimed it. */
interface PriceAlertMessage {
  kind: "priceAlert";
  id: string;
  alert: PriceAlertView;
}

/** The books were rebuilt from the database: every subscriber must resync from a snapshot. */
interface ResetMessage {
  kind: "reset";
  id: string;
}

export type StreamMessage =
  | BookDiffMessage
  | TradesMessage
  | OrderUpdateMessage
  | BalanceUpdateMessage
  | WalletUpdateMessage
  | PriceAlertMessage
  | ResetMessage;

/** Channel names, one place. */
export const channels = {
  book: (symbol: string) => `book:${symbol}`,
  trades: (symbol: string) => `trades:${symbol}`,
  user: (userId: number) => `user:${userId}`,
  /** Every book at once, for the reset notice. */
  system: "system",
} as const;
