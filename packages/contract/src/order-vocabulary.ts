// The order vocabulary without the zod schemas of ./orders, for pages that only name statuses.

/** The order vocabulary; the database's enums are made from these lists. */
export const ORDER_SIDES = ["buy", "sell"] as const;
export const ORDER_TYPES = [
  "limit",
  "market",
  "stop_limit",
  "stop_market",
  "take_profit_limit",
  "trailing_stop",
  "take_profit_market",
] as const;
export const TIME_IN_FORCE = ["GTC", "IOC", "FOK"] as const;
export const STP_MODES = ["cancel_newest", "cancel_oldest", "cancel_both"] as const;
export const ORDER_STATUSES = [
  "untriggered",
  "open",
  "partially_filled",
  "filled",
  "cancelled",
  "expired",
  "rejected",
] as const;
/** The statuses of an order that still rests on a book or waits for its trigger. */
export const LIVE_ORDER_STATUSES = ["untriggered", "open", "partially_filled"] as const;
