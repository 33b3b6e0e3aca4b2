export { cursorId, type PageRequest, pageLimit, toPage } from "./cursor";
export {
  CANDLE_INTERVALS,
  type Candle,
  type CandleInterval,
  candles,
  recentTrades,
  tickerStats,
} from "./market-data";
export { findOrder, listFills, listOrders } from "./orders";
export {
  assetDecimals,
  balancesOf,
  listAssets,
  listTransactions,
  pendingWithdrawals,
} from "./wallet";
