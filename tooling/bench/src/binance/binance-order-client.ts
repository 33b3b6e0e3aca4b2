import http from "node:http";
import type { RestingOrder } from "../resting-orders";
import { binanceOrderParams, createSigner, type SigningKey } from "./signing";

export interface BinanceOrderClient {
  /**
   * Signs `order` now and returns the call that places it with `POST /api/v3/order` (rejecting
   * with Binance's `msg` on a refusal), so a caller can time the round trip without the signing.
   */
  prepare(order: RestingOrder): () => Promise<unknown>;
  /** The call for the next order signed ahead, or undefined once they have run out. */
  takePresigned(): (() => Promise<unknown>) | undefined;
  /**
   * Signs the next `orders` ahead, before the clock starts: a bot signs on its own machine, and
   * here the load shares the server's cores, so signing inside the run would be billed to the
   * exchange. `takePresigned` hands them out in turn. Each keeps a fresh
   * timestamp under the 60 s `recvWindow` Binance allows at most.
   */
  presign(orders: RestingOrder[]): void;
  /** Microseconds of client CPU per signature made so far (outside the measured round trips). */
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
  let signatures = 0;
  const signed: string[] = [];
  const signBody = (order: RestingOrder, recvWindow: number) => {
    lastTimestamp = Math.max(Date.now(), lastTimestamp + 1);
    const params = binanceOrderParams(order, lastTimestamp, recvWindow);
    const signingStarted = performance.now();
    const signature = sign(params);
    signing += (performance.now() - signingStarted) * 1_000;
    signatures += 1;
    return `${params}&signature=${signature}`;
  };
  const presign = (orders: RestingOrder[]) => {
    for (const order of orders) signed.push(signBody(order, 60_000));
    signed.reverse();
  };
  const prepare = (order: RestingOrder) => {
    const body = signBody(order, 5_000);
    return () => send(body);
  };
  const takePresigned = () => {
    const body = signed.pop();
    return body === undefined ? undefined : () => send(body);
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
  return {
    prepare,
    presign,
    takePresigned,
    signingMicros: () => (signatures === 0 ? 0 : signing / signatures),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
