/// <reference path="./http-ece.d.ts" />
import { createECDH, createPublicKey, randomBytes, verify } from "node:crypto";
import { once } from "node:events";
import type { IncomingHttpHeaders } from "node:http";
import { createServer } from "node:https";
import type { AddressInfo } from "node:net";
import { decrypt } from "http_ece";

/** One message a push service was asked to deliver, as it arrived. */
export interface ReceivedPush {
  /** The subscription's path on the service (`/push/<name>`). */
  path: string;
  headers: IncomingHttpHeaders;
  /** The encrypted payload (RFC 8291, aes128gcm). */
  body: Buffer;
  /** The status the service answered with. */
  status: number;
}

export interface PushService {
  /** A subscription endpoint on this service, for `PushSubscription.endpoint`. */
  endpoint(name: string): string;
  /** Every push received so far, in order. */
  readonly received: readonly ReceivedPush[];
  /** The next push for `name` not yet taken (waits for it). */
  nextPush(name: string): Promise<ReceivedPush>;
  /** Answers pushes for `name` with `status` from now on (201 until told otherwise). */
  answer(name: string, status: number): void;
  close(): Promise<void>;
}

/**
 * A Web Push service (RFC 8030) on 127.0.0.1 over HTTPS with the given certificate, standing
 * in for FCM or Mozilla's autopush where a test cannot reach them: it takes what a sender
 * POSTs to a subscription's endpoint and keeps it, answering 201 Created (or what it is told:
 * 410 Gone for a subscription that expired). It does not deliver anything to a browser.
 *
 * @example
 * const service = await startPushService(certificate);
 * const keys = createSubscriptionKeys();
 * // subscribe { endpoint: service.endpoint("alice"), keys }, make the server push, then:
 * keys.decrypt((await service.nextPush("alice")).body);
 */
export async function startPushService(certificate: {
  key: Buffer;
  cert: Buffer;
}): Promise<PushService> {
  const received: ReceivedPush[] = [];
  const taken = new Map<string, number>();
  const statuses = new Map<string, number>();
  const waiters = new Set<() => void>();
  const server = createServer(certificate, (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      const status = request.method === "POST" ? (statuses.get(nameOf(path)) ?? 201) : 405;
      received.push({ path, headers: request.headers, body: Buffer.concat(chunks), status });
      response.writeHead(status).end();
      for (const wake of waiters) wake();
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  const origin = `https://127.0.0.1:${port}`;

  const nextPush = async (name: string): Promise<ReceivedPush> => {
    for (;;) {
      const mine = received.filter((push) => nameOf(push.path) === name);
      const index = taken.get(name) ?? 0;
      const push = mine[index];
      if (push) {
        taken.set(name, index + 1);
        return push;
      }
      await new Promise<void>((resolve) => {
        const wake = () => {
          waiters.delete(wake);
          resolve();
        };
        waiters.add(wake);
      });
    }
  };

  return {
    endpoint: (name) => `${origin}/push/${name}`,
    received,
    nextPush,
    answer: (name, status) => statuses.set(name, status),
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, "close");
    },
  };
}

function nameOf(path: string): string {
  return path.replace(/^\/push\//, "");
}

/** A browser's side of a push subscription: its keys, and the decryption only it can do. */
export interface SubscriptionKeys {
  /** The P-256 public key (uncompressed point), base64url. */
  p256dh: string;
  /** The 16-byte auth secret, base64url. */
  auth: string;
  /** The plaintext of a payload encrypted to these keys (throws when it was not). */
  decrypt(body: Buffer): string;
}

/**
 * Makes the keys a browser makes when it subscribes (RFC 8291): a P-256 key pair and an auth
 * secret, so a test can decrypt what a sender encrypted for the "browser" with `http_ece`.
 *
 * @example
 * const keys = createSubscriptionKeys();
 * await client.alerts.subscribePush.mutate({ endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } });
 */
export function createSubscriptionKeys(): SubscriptionKeys {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16).toString("base64url");
  return {
    p256dh: ecdh.getPublicKey().toString("base64url"),
    auth,
    decrypt: (body) =>
      decrypt(body, { version: "aes128gcm", privateKey: ecdh, authSecret: auth }).toString("utf8"),
  };
}

/**
 * Checks a push request's VAPID authorization (RFC 8292: `vapid t=<JWT>, k=<public key>`):
 * the JWT is ES256-signed by `publicKey` and names the push service's origin as audience.
 * Returns its claims; throws when any of that is not so.
 *
 * @example
 * verifyVapid(push.headers.authorization, config.webPush.publicKey) // { aud, exp, sub }
 */
export function verifyVapid(
  authorization: string | undefined,
  publicKey: string,
): { aud: string; exp: number; sub: string } {
  const match = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(authorization ?? "");
  if (!match?.[1] || match[2] !== publicKey) throw new Error(`not signed by ${publicKey}`);
  const [header, claims, signature] = match[1].split(".");
  if (!header || !claims || !signature) throw new Error("not a JWT");
  const point = Buffer.from(publicKey, "base64url");
  const key = createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33, 65).toString("base64url"),
    },
    format: "jwk",
  });
  const signed = verify(
    "sha256",
    Buffer.from(`${header}.${claims}`),
    { key, dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  if (!signed) throw new Error("the VAPID signature does not verify");
  return JSON.parse(Buffer.from(claims, "base64url").toString("utf8"));
}
