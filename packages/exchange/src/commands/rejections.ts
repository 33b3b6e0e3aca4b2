import type { ResultCode } from "@cryptotrade/engine";
import type { MarketInfo } from "../markets";
import { formatDecimal } from "../money";

/** A trader-facing sentence for each engine rejection. */
export function describeRejection(
  code: ResultCode,
  market: MarketInfo,
  outOfBand: "price" | "stopPrice" = "price",
): string {
  switch (code) {
    case "PRICE_OUT_OF_BAND": {
      const band = formatDecimal(BigInt(market.priceBandBps), 2);
      return `${outOfBand}: more than ${band}% away from the last trade price`;
    }
    case "POST_ONLY_WOULD_TAKE":
      return "postOnly: the order would trade immediately";
    case "STOP_WOULD_TRIGGER_IMMEDIATELY":
      return "stopPrice: the last trade price has already reached the stop price";
    case "NO_REFERENCE_PRICE":
      return "trailingDelta: the market has no trade yet to trail from";
    case "INVALID_OCO":
      return "ocoWith: the orders cannot be linked";
    case "NOTIONAL_TOO_LARGE":
      return "quantity: the order is too large to match exactly";
    case "ORDER_NOT_AMENDABLE":
      return "orderId: only an order resting on the book can be amended";
    case "DUPLICATE_ORDER_ID":
      return "The order id is already in use";
    default:
      return `The order was rejected (${code})`;
  }
}
