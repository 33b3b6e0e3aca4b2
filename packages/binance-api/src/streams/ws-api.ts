import type { ApiServices } from "@cryptotrade/api";
import type { Principal } from "@cryptotrade/auth";
import { z } from "zod";
import { binanceAnswerOf } from "../binance-errors";
import { signatureRefusal } from "../signed";
import { followUserData } from "./user-data-feed";

/** A WebSocket API request (web-socket-api.md): `{id, method, params}`. */
export const WsApiRequest = z
  .object({
    id: z.union([z.string().max(36), z.number().int(), z.null()]),
    method: z.string(),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ title: "wsApiRequest" });

export const WsApiResponse = z
  .object({
    id: z.union([z.string(), z.number(), z.null()]),
    status: z.number().int(),
    result: z.unknown().optional(),
    error: z.object({ code: z.number().int(), msg: z.string() }).optional(),
  })
  .meta({ title: "wsApiResponse" });

type Response = z.infer<typeof WsApiResponse>;

const refused = (id: Response["id"], status: number, code: number, msg: string): Response => ({
  id,
  status,
  error: { code, msg },
});

/**
 * The part of Binance's WebSocket API (`/ws-api/v3`) that ccxt's `pro.binance` uses for a
 * spot account's live orders and balances: `userDataStream.subscribe.signature` (signed as a
 * REST request is, its parameters sorted), `userDataStream.unsubscribe`, and `ping` / `time`.
 * Events arrive as `{subscriptionId, event}`. Anything else is -1020 (not supported here).
 *
 * @example
 * const session = new WsApiSession(services, (message) => ws.send(JSON.stringify(message)), close);
 * await session.answer('{"id":1,"method":"ping"}');
 */
export class WsApiSession {
  private readonly subscriptions = new Map<
    number,
    { principal: Principal; stop: AbortController }
  >();
  private nextSubscriptionId = 0;

  constructor(
    private readonly services: ApiServices,
    private readonly send: (message: object) => void,
    private readonly fail: (reason: string) => void,
  ) {}

  /** Whose data this connection receives, with the key that asked: a revocation ends it. */
  principals(): Principal[] {
    return [...this.subscriptions.values()].map((s) => s.principal);
  }

  async answer(text: string): Promise<Response> {
    let frame: unknown;
    try {
      frame = JSON.parse(text);
    } catch {
      return refused(null, 400, -1135, "Invalid JSON Request");
    }
    const parsed = WsApiRequest.safeParse(frame);
    if (!parsed.success) {
      return refused(
        null,
        400,
        -1102,
        "Mandatory parameter 'method' was not sent, was empty/null, or malformed.",
      );
    }
    const { id, method, params = {} } = parsed.data;
    switch (method) {
      case "ping":
        return { id, status: 200, result: {} };
      case "time":
        return { id, status: 200, result: { serverTime: Date.now() } };
      case "userDataStream.subscribe.signature":
        return this.subscribe(id, params);
      case "userDataStream.unsubscribe": {
        const only = params.subscriptionId;
        for (const [subscriptionId, subscription] of this.subscriptions) {
          if (only !== undefined && Number(only) !== subscriptionId) continue;
          subscription.stop.abort();
          this.subscriptions.delete(subscriptionId);
        }
        return { id, status: 200, result: {} };
      }
      default:
        return refused(id, 400, -1020, "This operation is not supported.");
    }
  }

  close(): void {
    for (const subscription of this.subscriptions.values()) subscription.stop.abort();
    this.subscriptions.clear();
  }

  private async subscribe(id: Response["id"], params: Record<string, unknown>): Promise<Response> {
    // The signature covers the other parameters sorted by name, as a query string.
    const { signature, ...signed } = params;
    const query = Object.keys(signed)
      .sort()
      .map((name) => `${name}=${String(signed[name])}`)
      .join("&");
    const queryString =
      signature === undefined
        ? query
        : `${query}&signature=${encodeURIComponent(String(signature))}`;
    const apiKey = typeof signed.apiKey === "string" ? signed.apiKey : undefined;
    const verified = await this.services.auth.verifySignedRequest(
      { apiKey, queryString, body: "" },
      "read",
    );
    if (!verified.ok) {
      const answer = binanceAnswerOf(signatureRefusal(verified.refusal));
      return refused(id, answer.status, answer.code, answer.msg);
    }
    const subscriptionId = this.nextSubscriptionId++;
    const stop = new AbortController();
    const { principal } = verified.authentication;
    this.subscriptions.set(subscriptionId, { principal, stop });
    followUserData(
      this.services,
      principal.user.id,
      stop.signal,
      (event) => this.send({ subscriptionId, event }),
      this.fail,
    );
    return { id, status: 200, result: { subscriptionId } };
  }
}
