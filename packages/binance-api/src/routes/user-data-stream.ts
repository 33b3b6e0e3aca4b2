import type { Principal } from "@cryptotrade/auth";
import { z } from "zod";
import { BinanceError } from "../binance-errors";
import { endpoint } from "../endpoint";
import type { ListenKeyOwner } from "../streams/listen-keys";

const ListenKeyParams = z.object({ listenKey: z.string().min(1) });
const UNKNOWN_LISTEN_KEY = () => new BinanceError(-1125, "This listenKey does not exist.");

/** USER_STREAM requests are identified by an API key (`identify`); nothing else reaches here. */
const ownerOf = ({ user, credential }: Principal): ListenKeyOwner => ({
  userId: user.id,
  apiKeyId: credential.kind === "apiKey" ? credential.keyId : "",
});

/**
 * `POST /api/v3/userDataStream` (USER_STREAM): a listen key for `/ws/<listenKey>`, valid 60
 * minutes; the API key's live one again (extended) when it has one, as Binance.
 */
export const openUserDataStream = endpoint({
  method: "POST",
  path: "/userDataStream",
  summary: "Start user data stream",
  description: "A listen key for /ws/<listenKey>, valid for 60 minutes unless kept alive.",
  security: "USER_STREAM",
  weight: 2,
  params: z.object({}),
  response: z.object({ listenKey: z.string() }),
  handle: async (c) => ({ listenKey: await c.var.listenKeys.create(ownerOf(c.var.signer)) }),
});

/** `PUT /api/v3/userDataStream` (USER_STREAM): another 60 minutes for a listen key. */
export const keepAliveUserDataStream = endpoint({
  method: "PUT",
  path: "/userDataStream",
  summary: "Keepalive user data stream",
  description: "Extends a listen key by 60 minutes; send it about every 30 minutes.",
  security: "USER_STREAM",
  weight: 2,
  params: ListenKeyParams,
  response: z.object({}),
  handle: async (c, { listenKey }) => {
    if (!(await c.var.listenKeys.keepAlive(listenKey, ownerOf(c.var.signer)))) {
      throw UNKNOWN_LISTEN_KEY();
    }
    return {};
  },
});

/** `DELETE /api/v3/userDataStream` (USER_STREAM): ends a listen key; its streams close. */
export const closeUserDataStream = endpoint({
  method: "DELETE",
  path: "/userDataStream",
  summary: "Close user data stream",
  description: "Ends a listen key; the streams opened with it close.",
  security: "USER_STREAM",
  weight: 2,
  params: ListenKeyParams,
  response: z.object({}),
  handle: async (c, { listenKey }) => {
    if (!(await c.var.listenKeys.close(listenKey, ownerOf(c.var.signer)))) {
      throw UNKNOWN_LISTEN_KEY();
    }
    return {};
  },
});
