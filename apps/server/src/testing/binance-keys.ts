import { createHmac, generateKeyPairSync, sign } from "node:crypto";
import type { AuthClock } from "@cryptotrade/auth/testing";
import ccxt from "ccxt";
import { confirmAccess, type TestServer, type TestUser } from "./test-server";

type Scopes = ("trade" | "withdraw")[];

/** A signing key as a Binance client holds it: its id, how it signs, and what ccxt needs. */
export interface BinanceKey {
  id: string;
  sign: (payload: string) => string;
  /** The `secret` ccxt takes: the HMAC secret, or the Ed25519 private key as PEM. */
  ccxtSecret: string;
}

/**
 * An HMAC-SHA256 key of `user`, created through the tRPC path as the web app does.
 *
 * @example
 * const key = await hmacKey(user, ["trade"]);
 */
export async function hmacKey(user: TestUser, scopes: Scopes = ["trade"]): Promise<BinanceKey> {
  await confirmAccess(user);
  const created = await user.client.account.createApiKey.mutate({
    name: "binance hmac",
    scopes,
    kind: "hmac",
  });
  const secret = created.secret ?? "";
  return {
    id: created.id,
    sign: (payload) => createHmac("sha256", secret).update(payload).digest("hex"),
    ccxtSecret: secret,
  };
}

/** An Ed25519 key of `user`: the server keeps the public key, the test the private one. */
export async function ed25519Key(user: TestUser, scopes: Scopes = ["trade"]): Promise<BinanceKey> {
  await confirmAccess(user);
  const pair = generateKeyPairSync("ed25519");
  const created = await user.client.account.createApiKey.mutate({
    name: "binance ed25519",
    scopes,
    kind: "ed25519",
    publicKey: pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
  });
  return {
    id: created.id,
    sign: (payload) =>
      encodeURIComponent(sign(null, Buffer.from(payload), pair.privateKey).toString("base64")),
    ccxtSecret: pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

/** An answer of the Binance surface: status, JSON body and headers. */
export interface BinanceAnswer {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: a test reads Binance's JSON as it comes.
  body: any;
  headers: Headers;
}

/**
 * Sends a signed request as a Binance client does: parameters in the query string (GET and
 * DELETE) or a form body (POST and PUT), then `timestamp` and the signature over them.
 */
export async function signedRequest(
  server: TestServer,
  clock: AuthClock,
  key: BinanceKey,
  method: "GET" | "POST" | "PUT" | "DELETE",
  path: string,
  params: Record<string, string> = {},
  options: { timestamp?: number; signature?: string } = {},
): Promise<BinanceAnswer> {
  const payload = new URLSearchParams({
    ...params,
    timestamp: String(options.timestamp ?? clock.now()),
  }).toString();
  const signed = `${payload}&signature=${options.signature ?? key.sign(payload)}`;
  const inBody = method === "POST" || method === "PUT";
  const res = await server.fetch(`/api/v3${path}${inBody ? "" : `?${signed}`}`, {
    method,
    headers: {
      "x-mbx-apikey": key.id,
      ...(inBody ? { "content-type": "application/x-www-form-urlencoded" } : {}),
    },
    ...(inBody ? { body: signed } : {}),
  });
  return { status: res.status, body: await res.json(), headers: res.headers };
}

/**
 * An unmodified ccxt `binance` client pointed at `url`, with the spot-only options a bot on a
 * spot venue sets.
 */
export function ccxtBinance(url: string, key: BinanceKey) {
  return new ccxt.binance({
    urls: { api: { public: `${url}/api/v3`, private: `${url}/api/v3` } },
    options: { fetchMarkets: { types: ["spot"] }, fetchCurrencies: false, fetchMargins: false },
    apiKey: key.id,
    secret: key.ccxtSecret,
  });
}
