import http from "node:http";
import type { RestingOrder } from "../resting-orders";
import { binanceOrderParams, createSigner, type SigningKey } from "./signing";

export interface BinanceOrderClient {
  /**
   * Signs `order` now and returns the call that places it with `POST /api/v3/order` (rejecting
   * with Binance's `msg` on a refusal), so a caller can time the round trip without the signing.
   */
  prepare(order: RestingOrder): () => Promise<unknown>;
  /** Microseconds spent signing so far (client CPU, outside the measured round trips). */
  signingMicros(): number;
}

/**
 * A lean Binance client for the one call the bench makes, over keep-alive `node:http` (as
 * wire-client.ts speaks tRPC): the parameters form-encoded in the body with the signature last,
 * `X-MBX-APIKEY` naming the key, as ccxt sends a signed POST. Each request is signed when it is
 * made, with a timestamp that never repeats for this client, so no two signatures are equal
 * (the server refuses a signature it has seen).
 *
 * @example
 * const client = createBinanceOrderClient(url, { kind: "hmac", apiKey, secret }, agent);
 * await client.prepare(restingOrders(1)())();
 */
export function createBinanceOrderClient(
  url: string,
  key: SigningKey,
  agent: http.Agent,
): BinanceOrderClient {
  const target = new URL("/api/v3/order", url);
  const sign = createSigner(key);
  let lastTimestamp = 0;
  let signing = 0;
  const prepare = (order: RestingOrder) => {
    lastTimestamp = Math.max(Date.now(), lastTimestamp + 1);
    const params = binanceOrderParams(order, lastTimestamp);
    const signingStarted = performance.now();
    const signature = sign(params);
    signing += (performance.now() - signingStarted) * 1_000;
    const body = `${params}&signature=${signature}`;
    return () => send(body);
  };
  const send = (body: string) =>
    new Promise<unknown>((resolve, reject) => {
      const request = http.request(
        target,
        {
          method: "POST",
          agent,
          headers: {
            "x-mbx-apikey": key.apiKey,
            "content-type": "application/x-www-form-urlencoded",
          },
        },
        (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => {
            text += chunk;
          });
          response.on("end", () => {
            const parsed = parseJson(text) as { code?: number; msg?: string } | undefined;
            if (response.statusCode === 200 && parsed && parsed.code === undefined) {
              resolve(parsed);
            } else {
              const refusal = parsed?.msg ? `${parsed.code} ${parsed.msg}` : text.slice(0, 200);
              reject(new Error(`HTTP ${response.statusCode}: ${refusal}`));
            }
          });
          response.on("error", reject);
        },
      );
      request.on("error", reject);
      request.end(body);
    });
  return { prepare, signingMicros: () => signing };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
