import { generateKeyPairSync, randomBytes } from "node:crypto";
import { type AuthService, createAuthService } from "@cryptotrade/auth";
import { parseConfig } from "@cryptotrade/config";
import { connectDatabase } from "@cryptotrade/db/client";
import { createSigner, type SigningKey } from "./signing";

/** Microseconds per check, each the mean over the same number of sequential calls. */
export interface VerificationCost {
  iterations: number;
  hmacMicros: number;
  ed25519Micros: number;
  /** The peer: resolving a bearer API key, what every `/trpc` call with a key does. */
  bearerMicros: number;
}

const META = { ip: "127.0.0.1", userAgent: "binance bench" };

/**
 * Times the server's own `verifySignedRequest` in this process, as a signed endpoint calls it
 * (key looked up through the auth service's cache, timestamp and window checked, signature
 * checked, signature claimed against replay), for an HMAC and an Ed25519 key, beside
 * `authenticate` with a bearer key of the same user: `iterations` sequential calls each, after
 * a tenth as many unmeasured. The requests are signed beforehand, so only verifying is timed.
 * Its own auth service on `databaseUrl` (a migrated database), with limits in memory as the
 * bench's server keeps them.
 *
 * @example
 * const cost = await measureVerificationCost(scratch.url, 20_000);
 */
export async function measureVerificationCost(
  databaseUrl: string,
  iterations: number,
): Promise<VerificationCost> {
  const database = await connectDatabase({ kind: "postgres", url: databaseUrl, poolSize: 2 });
  const auth = createAuthService({
    db: database.db,
    config: parseConfig({
      NODE_ENV: "test",
      SECRETS_KEYS: `bench:${randomBytes(32).toString("base64")}`,
    }),
    rateLimitKeyPrefix: `binance-bench-${randomBytes(4).toString("hex")}`,
  });
  try {
    const unique = randomBytes(4).toString("hex");
    const { user } = await auth.register(
      {
        email: `verify-${unique}@example.com`,
        username: `verify_${unique}`,
        password: randomBytes(18).toString("base64url"),
      },
      META,
    );
    const create = (input: Parameters<AuthService["createApiKey"]>[1]) =>
      auth.createApiKey(user.id, input, META);
    const scopes = ["read", "trade"] as const;
    const bearer = await create({ name: "bearer", scopes: [...scopes] });
    const hmac = await create({ name: "hmac", scopes: [...scopes], kind: "hmac" });
    const pair = generateKeyPairSync("ed25519");
    const ed25519 = await create({
      name: "ed25519",
      scopes: [...scopes],
      kind: "ed25519",
      publicKey: pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
    });
    const warmup = Math.max(1, Math.floor(iterations / 10));

    const timeSigned = async (key: SigningKey) => {
      const sign = createSigner(key);
      const requests = Array.from({ length: warmup + iterations }, (_, i) => {
        // Every request its own: the server accepts a signature once.
        const query = `symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.0010&price=60000.00&newClientOrderId=v${i}&recvWindow=60000&timestamp=${Date.now()}`;
        return { apiKey: key.apiKey, queryString: `${query}&signature=${sign(query)}`, body: "" };
      });
      return timeEach(requests, warmup, async (request) => {
        const verified = await auth.verifySignedRequest(request, "trade");
        if (!verified.ok) throw new Error(`verification refused: ${verified.refusal.reason}`);
      });
    };
    const hmacMicros = await timeSigned({
      kind: "hmac",
      apiKey: hmac.key,
      secret: hmac.secret ?? "",
    });
    const ed25519Micros = await timeSigned({
      kind: "ed25519",
      apiKey: ed25519.key,
      privateKeyPem: pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    });
    const bearerMicros = await timeEach(
      Array.from({ length: warmup + iterations }, () => bearer.key),
      warmup,
      async (token) => {
        if (!(await auth.authenticate(token))) throw new Error("the bearer key was refused");
      },
    );
    return { iterations, hmacMicros, ed25519Micros, bearerMicros };
  } finally {
    await auth.close();
    await database.close();
  }
}

/** Runs `check` on each item in turn; the mean microseconds of those after the first `warmup`. */
async function timeEach<T>(
  items: T[],
  warmup: number,
  check: (item: T) => Promise<void>,
): Promise<number> {
  for (const item of items.slice(0, warmup)) await check(item);
  const measured = items.slice(warmup);
  const started = performance.now();
  for (const item of measured) await check(item);
  return ((performance.now() - started) * 1_000) / measured.length;
}
