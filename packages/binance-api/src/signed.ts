import type { SignedRequestRefusal } from "@cryptotrade/auth";
import { BinanceError } from "./binance-errors";

const REJECTED_KEY = new BinanceError(
  -2015,
  "Invalid API-key, IP, or permissions for action.",
  401,
);

/** A signed request's refusal as Binance answers it (errors.md). */
export function signatureRefusal(refusal: SignedRequestRefusal): BinanceError {
  switch (refusal.reason) {
    case "malformed_key":
      return new BinanceError(-2014, "API-key format invalid.", 401);
    case "unknown_key":
    case "scope_missing":
      return REJECTED_KEY;
    case "timestamp_outside_window":
      return new BinanceError(-1021, "Timestamp for this request is outside of the recvWindow.");
    case "timestamp_ahead":
      return new BinanceError(
        -1021,
        "Timestamp for this request was 1000ms ahead of the server's time.",
      );
    case "bad_signature":
      return new BinanceError(-1022, "Signature for this request is not valid.");
    case "replayed_signature":
      // Binance has no code for it; -1022 makes clients treat it as the signature problem it is.
      return new BinanceError(-1022, "Signature for this request was already used.");
    case "recv_window_too_large":
      return new BinanceError(-1130, "Data sent for parameter 'recvWindow' is not valid.");
    case "missing_parameter":
      return mandatory(refusal.parameter);
    case "timestamp_malformed":
      return mandatory("timestamp");
    case "recv_window_malformed":
      return mandatory("recvWindow");
    case "malformed_parameter":
      return refusal.parameter === "signature"
        ? new BinanceError(-1101, "Duplicate values for a parameter detected.")
        : new BinanceError(-1100, "Illegal characters found in a parameter.");
  }
}

function mandatory(parameter: string): BinanceError {
  return new BinanceError(
    -1102,
    `Mandatory parameter '${parameter}' was not sent, was empty/null, or malformed.`,
  );
}
