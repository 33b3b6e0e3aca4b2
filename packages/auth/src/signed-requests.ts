import type { CachedApiKey } from "./api-key-cache";
import { authenticateApiKey, findApiKey } from "./api-key-lookup";
import { hmacSecretContext } from "./api-keys";
import type { AuthDeps } from "./deps";
import type { Authentication } from "./principal";
import {
  ed25519SignatureMatches,
  hmacSignatureMatches,
  type ParameterRefusal,
  readSignedParameters,
} from "./request-signatures";
import { checkRequestTiming, type TimingRefusal } from "./request-timing";
import type { Scope } from "./scopes";
import type { Sealed } from "./secret-box";

/** A Binance-style signed request as it arrived (ADR 034). */
export interface SignedRequest {
  /** The `X-MBX-APIKEY` header; undefined when it was not sent. */
  apiKey: string | undefined;
  /** The query string exactly as received, without its `?`. */
  queryString: string;
  /** The form-encoded body exactly as received; "" when there is none. */
  body: string;
}

/** Why a signed request was refused; each maps to one Binance error code at the edge. */
export type SignedRequestRefusal =
  | ParameterRefusal
  | { reason: TimingRefusal }
  | {
      reason:
        | "malformed_key"
        | "unknown_key"
        | "bad_signature"
        | "replayed_signature"
        | "scope_missing";
    };

export type SignedRequestResult =
  | { ok: true; authentication: Authentication }
  | { ok: false; refusal: SignedRequestRefusal };

const KEY_ID = /^[a-z2-7]{1,64}$/;

/**
 * Authenticates a signed request as Binance does: the key named by `X-MBX-APIKEY` (an HMAC
 * or Ed25519 key, not revoked), a `timestamp` within `recvWindow` and less than a second
 * ahead, a signature over the query string and body as sent, and the `scope` the endpoint
 * needs. A signature is accepted once; the same one again within its window is a replay.
 * The principal is the one a bearer key gives, so routers treat both alike.
 *
 * @example
 * const result = await verifySignedRequest(deps, { apiKey, queryString, body }, "trade");
 * if (!result.ok) return binanceError(result.refusal);
 */
export async function verifySignedRequest(
  deps: AuthDeps,
  request: SignedRequest,
  scope: Scope,
): Promise<SignedRequestResult> {
  const refuse = (refusal: SignedRequestRefusal): SignedRequestResult => ({ ok: false, refusal });
  if (request.apiKey === undefined || !KEY_ID.test(request.apiKey)) {
    return refuse({ reason: "malformed_key" });
  }
  const parameters = readSignedParameters(request.queryString, request.body);
  if ("reason" in parameters) return refuse(parameters);
  const now = deps.now();
  const late = checkRequestTiming(parameters.timestamp, parameters.recvWindow, now);
  if (late) return refuse({ reason: late });

  const key = await findApiKey(deps, request.apiKey, now);
  if (!key || key.secret.kind === "bearer" || key.revokedAt !== null) {
    return refuse({ reason: "unknown_key" });
  }
  if (!(await signatureMatches(deps, key, parameters.payload, parameters.signature))) {
    return refuse({ reason: "bad_signature" });
  }
  if (!key.scopes.includes(scope)) return refuse({ reason: "scope_missing" });
  // HMAC hex is case-insensitive, so its lowercase is the one signature a replay could reuse.
  const signature =
    key.secret.kind === "hmac" ? parameters.signature.toLowerCase() : parameters.signature;
  if (!(await deps.limits.claimSignature(`${key.id}:${signature}`))) {
    return refuse({ reason: "replayed_signature" });
  }
  const authentication = await authenticateApiKey(deps, key, now);
  return authentication ? { ok: true, authentication } : refuse({ reason: "unknown_key" });
}

/**
 * Identifies a request by its `X-MBX-APIKEY` alone, as Binance's USER_STREAM endpoints do
 * (listen keys): an HMAC or Ed25519 key, not revoked. No signature, so nothing it grants may
 * read or move money; it only names whose user data stream to open.
 *
 * @example
 * const result = await identifyApiKey(deps, c.req.header("x-mbx-apikey"));
 */
export async function identifyApiKey(
  deps: AuthDeps,
  apiKey: string | undefined,
): Promise<SignedRequestResult> {
  if (apiKey === undefined || !KEY_ID.test(apiKey)) {
    return { ok: false, refusal: { reason: "malformed_key" } };
  }
  const now = deps.now();
  const key = await findApiKey(deps, apiKey, now);
  const authentication =
    key && key.secret.kind !== "bearer" ? await authenticateApiKey(deps, key, now) : null;
  return authentication
    ? { ok: true, authentication }
    : { ok: false, refusal: { reason: "unknown_key" } };
}

/**
 * HMAC secrets opened from their sealed form, by the sealed value of a cached key. A bot signs
 * every request, and opening it (AES-GCM under the secrets key) was an eighth of a signed
 * order's CPU (ADR 038). An opened secret lives as long as its key's cache entry holds the
 * sealed value, so a revoked, resealed or expired key takes it along; the secrets key that
 * opens every one of them is in this process anyway.
 */
const openedHmacSecrets = new WeakMap<Sealed, string>();

function openedHmacSecret(deps: AuthDeps, keyId: string, sealed: Sealed): string {
  let secret = openedHmacSecrets.get(sealed);
  if (secret === undefined) {
    secret = deps.secrets.open(sealed, hmacSecretContext(keyId));
    openedHmacSecrets.set(sealed, secret);
  }
  return secret;
}

async function signatureMatches(
  deps: AuthDeps,
  key: CachedApiKey,
  payload: string,
  signature: string,
): Promise<boolean> {
  switch (key.secret.kind) {
    case "bearer":
      return false;
    case "hmac":
      return hmacSignatureMatches(
        openedHmacSecret(deps, key.id, key.secret.sealed),
        payload,
        signature,
      );
    case "ed25519":
      return ed25519SignatureMatches(key.secret.publicKey, payload, signature);
  }
}
