import type { OrderView } from "../views";

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

interface OrderUpdateMessage {
  kind: "order";
  id: string;
  order: OrderView;
}

interface BalanceUpdateMessage {
  kind: "balance";
  id: string;
  asset: string;
  available: string;
  locked: string;
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
  | ResetMessage;

/** Channel names, one place. */
export const channels = {
  book: (symbol: string) => `book:${symbol}`,
  trades: (symbol: string) => `trades:${symbol}`,
  user: (userId: number) => `user:${userId}`,
  /** Every book at once, for the reset notice. */
  system: "system",
} as const;
