export { cursorId, type PageRequest, pageLimit, toPage } from "./cursor";
export {
  type Candle,
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
