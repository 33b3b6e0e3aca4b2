import { createHmac, generateKeyPairSync, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { binanceOrderParams, createSigner } from "./signing";

const order = {
  symbol: "BTC-USDT",
  side: "buy",
  type: "limit",
  price: "60000.00",
  quantity: "0.0010",
} as const;

describe("a Binance order's parameters and signature", () => {
  it("spells the order as POST /api/v3/order takes it", () => {
    expect(binanceOrderParams(order, 1_700_000_000_000)).toBe(
      "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.0010&price=60000.00&newOrderRespType=RESULT&recvWindow=5000&timestamp=1700000000000",
    );
  });

  it("signs with HMAC-SHA256 as Binance's documented example does", () => {
    // rest-api.md's example secret, payload and signature.
    const sign = createSigner({
      kind: "hmac",
      apiKey: "k",
      secret: "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j",
    });
    const payload =
      "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
    expect(sign(payload)).toBe("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    expect(sign(payload)).toBe(
      createHmac("sha256", "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j")
        .update(payload)
        .digest("hex"),
    );
  });

  it("signs with Ed25519 in base64, percent-encoded for the form", () => {
    const pair = generateKeyPairSync("ed25519");
    const sign = createSigner({
      kind: "ed25519",
      apiKey: "k",
      privateKeyPem: pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    });
    const payload = binanceOrderParams(order, 1);
    const sent = sign(payload);
    expect(sent).not.toMatch(/[+/=]/);
    const signature = Buffer.from(decodeURIComponent(sent), "base64");
    expect(verify(null, Buffer.from(payload), pair.publicKey, signature)).toBe(true);
    expect(verify(null, Buffer.from(`${payload}0`), pair.publicKey, signature)).toBe(false);
  });
});
