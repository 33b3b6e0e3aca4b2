import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createClient } from "@cryptotrade/api/client";
import { runGrantAdmin } from "@cryptotrade/server/testing/grant-admin-process";
import type { TraderKeys } from "./order-load";

const ADMIN_EMAIL = "binance-bench-admin@example.com";

/**
 * Registers `count` funded traders through the API, each with three trade-scoped keys to the
 * same account: a bearer key (tRPC), an HMAC key (its secret shown once, kept here) and an
 * Ed25519 key (the private key made here, only the public key sent). Funds come from an
 * admin's `creditDeposit` (the admin made one with `pnpm admin:grant` on `databaseUrl`).
 *
 * @example
 * const traders = await openTraders("http://127.0.0.1:8080", 32, scratch.url);
 */
export async function openTraders(
  url: string,
  count: number,
  databaseUrl: string,
): Promise<TraderKeys[]> {
  const origin = `http://localhost:${new URL(url).port}`;
  const register = async (email: string) => {
    const password = randomBytes(18).toString("base64url");
    const registered = await createClient({ url, headers: { origin } }).auth.register.mutate({
      email,
      username: `bnb_${randomBytes(6).toString("hex")}`,
      password,
    });
    return { ...registered, password };
  };
  const admin = createClient({ url, token: (await register(ADMIN_EMAIL)).token });
  const granted = await runGrantAdmin(
    { DATABASE_URL: databaseUrl, NODE_ENV: "production", ALLOW_INSECURE_PRODUCTION: "true" },
    [ADMIN_EMAIL],
  );
  if (granted.code !== 0) throw new Error(`admin:grant failed: ${granted.stderr}`);

  const traders: TraderKeys[] = [];
  // A few at a time: each registration is an argon2 hash, and the server has few cores.
  for (let at = 0; at < count; at += 4) {
    const batch = Array.from({ length: Math.min(4, count - at) }, (_, i) => at + i);
    const opened = await Promise.all(
      batch.map(async (index) => {
        const { user, token, password } = await register(
          `binance-bench-${index}-${randomBytes(3).toString("hex")}@example.com`,
        );
        const session = createClient({ url, token });
        // Making a key is a sensitive change: the session confirms the password first.
        await session.auth.reauthenticate.mutate({ password });
        const scopes = ["read", "trade"] as const;
        const bearer = await session.account.createApiKey.mutate({
          name: "bench",
          scopes: [...scopes],
        });
        const hmac = await session.account.createApiKey.mutate({
          name: "bench hmac",
          scopes: [...scopes],
          kind: "hmac",
        });
        const pair = generateKeyPairSync("ed25519");
        const ed25519 = await session.account.createApiKey.mutate({
          name: "bench ed25519",
          scopes: [...scopes],
          kind: "ed25519",
          publicKey: pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
        });
        if (!hmac.secret) throw new Error("an HMAC key was made without its secret");
        const userId = String(user.id);
        // Enough for every order a run places to rest, on BTC-USDT and the fan-out's ETH-USDT.
        await admin.admin.creditDeposit.mutate({ userId, asset: "USDT", amount: "100000000" });
        await admin.admin.creditDeposit.mutate({ userId, asset: "BTC", amount: "10000" });
        return {
          bearer: bearer.key,
          hmac: { kind: "hmac", apiKey: hmac.key, secret: hmac.secret },
          ed25519: {
            kind: "ed25519",
            apiKey: ed25519.key,
            privateKeyPem: pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
          },
        } satisfies TraderKeys;
      }),
    );
    traders.push(...opened);
  }
  return traders;
}
