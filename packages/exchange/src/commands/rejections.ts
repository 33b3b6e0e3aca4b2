import { formatDecimal } from "@cryptotrade/contract/money";
import type { ResultCode } from "@cryptotrade/engine";
import { ExchangeError, invalidInput } from "../errors";
import type { MarketInfo } from "../markets";

/** The refusal for an engine rejection: its reason, its field and a sentence for the trader. */
export function rejectionError(
  code: ResultCode,
  market: MarketInfo,
  outOfBand: "price" | "stopPrice" = "price",
): ExchangeError {
  switch (code) {
    case "PRICE_OUT_OF_BAND": {
      const band = formatDecimal(BigInt(market.priceBandBps), 2);
      const name = outOfBand === "price" ? "The price" : "The stop price";
      const message = `${name} is more than ${band}% away from the last trade price`;
      return invalidInput("PRICE_OUT_OF_BAND", outOfBand, message);
    }
    case "POST_ONLY_WOULD_TAKE":
      return invalidInput("POST_ONLY_WOULD_TAKE", "postOnly", "The order would trade immediately");
    case "STOP_WOULD_TRIGGER_IMMEDIATELY": {
      const message = "The last trade price has already reached the stop price";
      return invalidInput("STOP_WOULD_TRIGGER", "stopPrice", message);
    }
    case "NO_REFERENCE_PRICE": {
      const message = "The market has no trade yet to trail from";
      return invalidInput("NO_REFERENCE_PRICE", "trailingDelta", message);
    }
    case "INVALID_OCO":
      return invalidInput("INVALID_OCO", "ocoWith", "The orders cannot be linked");
    case "NOTIONAL_TOO_LARGE":
      return invalidInput("ORDER_TOO_LARGE", "quantity", "The order is too large to match exactly");
    case "ORDER_NOT_AMENDABLE": {
      const message = "Only an order resting on the book can be amended";
      return invalidInput("ORDER_NOT_AMENDABLE", "orderId", message);
    }
    case "DUPLICATE_ORDER_ID":
      return new ExchangeError("INVALID_INPUT", "The order id is already in use");
    default:
      return new ExchangeError("INVALID_INPUT", `The order was rejected (${code})`);
  }
}
