import type { Batch } from "../batch";
import { ExchangeError, unknownMarket } from "../errors";
import type { MarketInfo } from "../markets";
import type { ExchangeState } from "../state";
import { describeUnitProblem } from "../units";

/** Opens a new market; its assets must exist. */
export function createMarket(state: ExchangeState, batch: Batch, info: MarketInfo): MarketInfo {
  if (state.markets.has(info.symbol)) {
    throw new ExchangeError("CONFLICT", `The market ${info.symbol} already exists`, {
      reason: "MARKET_EXISTS",
      field: "symbol",
    });
  }
  const problem = describeUnitProblem(info);
  if (problem) throw new ExchangeError("INVALID_INPUT", problem);
  state.addMarket(info);
  batch.markets.set(info.symbol, toRow(info));
  return info;
}

/** Halts (only cancels accepted) or resumes a market. */
export function setMarketStatus(
  state: ExchangeState,
  batch: Batch,
  symbol: string,
  status: MarketInfo["status"],
): MarketInfo {
  const market = state.markets.get(symbol);
  if (!market) throw unknownMarket(symbol);
  market.info.status = status;
  batch.markets.set(symbol, toRow(market.info));
  return market.info;
}

function toRow(info: MarketInfo) {
  const { baseDecimals: _b, quoteDecimals: _q, ...row } = info;
  return row;
}
