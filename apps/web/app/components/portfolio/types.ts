import type { RouterOutputs } from "@cryptotrade/api";

/** One row of `portfolio.balances`. */
export type BalanceRow = RouterOutputs["portfolio"]["balances"][number];
/** `portfolio.summary`: total value, allocation, P&L on average cost. */
export type PortfolioSummary = RouterOutputs["portfolio"]["summary"];
/** One point of `portfolio.history`. */
export type HistoryPoint = RouterOutputs["portfolio"]["history"][number];
