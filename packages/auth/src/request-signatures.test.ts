import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  ed25519SignatureMatches,
  hmacSignatureMatches,
  readSignedParameters,
} from "./request-signatures";

// Binance's published examples (rest-api.md, "SIGNED Endpoint Examples for POST /api/v3/order").
const BINANCE_HMAC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
const BINANCE_PAYLOAD =
  "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
const BINANCE_SIGNATURE = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";
const BINANCE_NON_ASCII_PAYLOAD =
  "symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
const BINANCE_NON_ASCII_SIGNATURE =
  "e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3";

// Binance's published Ed25519 example (fix-api.md, "How to sign Logon <A> request"): the
// payload is the Logon fields joined by SOH.
const BINANCE_ED25519_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MC4CAQAwBQYDK2VwBCIEIIJEYWtGBrhACmb9Dvy+qa8WEf0lQOl1s4CLIAB9m89u
-----END PRIVATE KEY-----`;
const BINANCE_ED25519_PAYLOAD = ["A", "EXAMPLE", "SPOT", "1", "20240627-11:17:25.223"].join("\x01");
const BINANCE_ED25519_SIGNATURE =
  "4MHXelVVcpkdwuLbl6n73HQUXUf1dse2PCgT1DYqW9w8AVZ1RACFGM+5UdlGPrQHrgtS3CvsRURC1oj73j8gCA==";

describe("HMAC signatures", () => {
  it("accepts Binance's published examples, ASCII and percent-encoded", () => {
    expect(hmacSignatureMatches(BINANCE_HMAC_SECRET, BINANCE_PAYLOAD, BINANCE_SIGNATURE)).toBe(
      true,
    );
    expect(
      hmacSignatureMatches(
        BINANCE_HMAC_SECRET,
        BINANCE_NON_ASCII_PAYLOAD,
        BINANCE_NON_ASCII_SIGNATURE,
      ),
    ).toBe(true);
  });

  it("accepts the hex in upper case, as Binance does", () => {
    expect(
      hmacSignatureMatches(BINANCE_HMAC_SECRET, BINANCE_PAYLOAD, BINANCE_SIGNATURE.toUpperCase()),
    ).toBe(true);
  });

  it("refuses another payload, another secret, and what is not 64 hex digits", () => {
    expect(
      hmacSignatureMatches(BINANCE_HMAC_SECRET, `${BINANCE_PAYLOAD}0`, BINANCE_SIGNATURE),
    ).toBe(false);
    expect(
      hmacSignatureMatches(`${BINANCE_HMAC_SECRET}x`, BINANCE_PAYLOAD, BINANCE_SIGNATURE),
    ).toBe(false);
    expect(
      hmacSignatureMatches(BINANCE_HMAC_SECRET, BINANCE_PAYLOAD, BINANCE_SIGNATURE.slice(2)),
    ).toBe(false);
    expect(
      hmacSignatureMatches(BINANCE_HMAC_SECRET, BINANCE_PAYLOAD, `${BINANCE_SIGNATURE.slice(1)}g`),
    ).toBe(false);
  });
});

describe("Ed25519 signatures", () => {
  const publicKey = createPublicKey(createPrivateKey(BINANCE_ED25519_PRIVATE_KEY));

  it("accepts Binance's published example", async () => {
    expect(
      ed25519SignatureMatches(publicKey, BINANCE_ED25519_PAYLOAD, BINANCE_ED25519_SIGNATURE),
    ).toBe(true);
  });

  it("refuses another payload, another key, and what is not a base64 signature", async () => {
    expect(
      ed25519SignatureMatches(publicKey, `${BINANCE_ED25519_PAYLOAD}x`, BINANCE_ED25519_SIGNATURE),
    ).toBe(false);
    const other = generateKeyPairSync("ed25519").publicKey;
    expect(ed25519SignatureMatches(other, BINANCE_ED25519_PAYLOAD, BINANCE_ED25519_SIGNATURE)).toBe(
      false,
    );
    expect(ed25519SignatureMatches(publicKey, BINANCE_ED25519_PAYLOAD, "abc")).toBe(false);
    // Signatures are case-sensitive.
    expect(
      ed25519SignatureMatches(
        publicKey,
        BINANCE_ED25519_PAYLOAD,
        BINANCE_ED25519_SIGNATURE.toLowerCase(),
      ),
    ).toBe(false);
  });

  it("verifies what Node signs over a request's parameters, as a ccxt bot would", async () => {
    const pair = generateKeyPairSync("ed25519");
    const payload = "symbol=BTCUSDT&side=SELL&timestamp=1668481559918";
    const signature = sign(null, Buffer.from(payload), pair.privateKey).toString("base64");
    expect(ed25519SignatureMatches(pair.publicKey, payload, signature)).toBe(true);
  });
});

describe("reading a signed request's parameters", () => {
  it("signs the query string then the body, exactly as sent, without the signature", () => {
    // Binance's example of parameters split between the query string and the body.
    expect(
      readSignedParameters(
        "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC",
        "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=ab%2B",
      ),
    ).toEqual({
      payload:
        "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTCquantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559",
      signature: "ab+",
      timestamp: "1499827319559",
      recvWindow: "5000",
    });
  });

  it("keeps percent-encoding in the payload and takes an unencoded + as itself", () => {
    const read = readSignedParameters(`${BINANCE_NON_ASCII_PAYLOAD}&signature=a+b/c==`, "");
    expect(read).toMatchObject({ payload: BINANCE_NON_ASCII_PAYLOAD, signature: "a+b/c==" });
  });

  it("takes a parameter sent twice from the query string", () => {
    expect(readSignedParameters("timestamp=1&signature=s", "timestamp=2&recvWindow=9")).toEqual({
      payload: "timestamp=1timestamp=2&recvWindow=9",
      signature: "s",
      timestamp: "1",
      recvWindow: "9",
    });
  });

  it("refuses a request without a signature or timestamp, or with two signatures", () => {
    expect(readSignedParameters("timestamp=1", "")).toEqual({
      reason: "missing_parameter",
      parameter: "signature",
    });
    expect(readSignedParameters("timestamp=1&signature=", "")).toEqual({
      reason: "missing_parameter",
      parameter: "signature",
    });
    expect(readSignedParameters("symbol=BTCUSDT&signature=s", "")).toEqual({
      reason: "missing_parameter",
      parameter: "timestamp",
    });
    expect(readSignedParameters("timestamp=1&signature=s", "signature=t")).toEqual({
      reason: "malformed_parameter",
      parameter: "signature",
    });
  });

  it("refuses broken percent-encoding", () => {
    expect(readSignedParameters("timestamp=1&symbol=%E0%A4%A&signature=s", "")).toEqual({
      reason: "malformed_parameter",
      parameter: "percent-encoding",
    });
  });
});
