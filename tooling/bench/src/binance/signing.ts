import { createHmac, createPrivateKey, type KeyObject, sign } from "node:crypto";
import type { RestingOrder } from "../resting-orders";

/** How a trader signs Binance requests: the secret of an HMAC key or an Ed25519 private key. */
export type SigningKey =
  | { kind: "hmac"; apiKey: string; secret: string }
  | { kind: "ed25519"; apiKey: string; privateKeyPem: string };

/**
 * The signature of `payload` ready to append as `signature=`: lowercase hex for HMAC-SHA256,
 * base64 for Ed25519, percent-encoded (its `+`, `/` and `=`) as Binance's docs and ccxt send it.
 *
 * @example
 * const signature = createSigner({ kind: "hmac", apiKey, secret })("symbol=BTCUSDT&timestamp=1");
 */
export function createSigner(key: SigningKey): (payload: string) => string {
  if (key.kind === "hmac") {
    return (payload) => createHmac("sha256", key.secret).update(payload).digest("hex");
  }
  const privateKey: KeyObject = createPrivateKey(key.privateKeyPem);
  return (payload) =>
    encodeURIComponent(sign(null, Buffer.from(payload), privateKey).toString("base64"));
}

/**
 * One bench order as Binance's `POST /api/v3/order` parameters, form-encoded in the order
 * ccxt sends them: `BTC-USDT` is `BTCUSDT`, sides and types in capitals, a resting LIMIT
 * order good till cancelled, answered with the order's state (RESULT, ccxt's choice).
 *
 * @example
 * binanceOrderParams({ symbol: "BTC-USDT", side: "buy", type: "limit", price: "60000.00", quantity: "0.0010" }, 1700000000000);
 * // "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.0010&price=60000.00&newOrderRespType=RESULT&recvWindow=5000&timestamp=1700000000000"
 */
export function binanceOrderParams(
  order: RestingOrder,
  timestamp: number,
  recvWindow = 5_000,
): string {
  return new URLSearchParams({
    symbol: order.symbol.replace("-", ""),
    side: order.side.toUpperCase(),
    type: order.type.toUpperCase(),
    timeInForce: "GTC",
    quantity: order.quantity,
    price: order.price,
    newOrderRespType: "RESULT",
    recvWindow: String(recvWindow),
    timestamp: String(timestamp),
  }).toString();
}
