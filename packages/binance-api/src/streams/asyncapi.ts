import { z } from "zod";
import { ControlError, ControlRequest, ControlResult } from "./control-payloads";
import {
  BookTickerEvent,
  CombinedEnvelope,
  DepthUpdateEvent,
  KlineEvent,
  PartialDepthEvent,
  TickerEvent,
  TradeEvent,
} from "./market-payloads";
import {
  AccountPositionEvent,
  BalanceUpdateEvent,
  ExecutionReportEvent,
  ListenKeyExpiredEvent,
  WsApiUserEvent,
} from "./user-payloads";
import { WsApiRequest, WsApiResponse } from "./ws-api";

/** Each message of the document: its payload schema and what it is. */
const MESSAGES: Record<string, { payload: z.ZodType; summary: string }> = {
  depthUpdate: {
    payload: DepthUpdateEvent,
    summary: "<symbol>@depth and <symbol>@depth@100ms: book diffs with update ids U..u",
  },
  partialDepth: {
    payload: PartialDepthEvent,
    summary: "<symbol>@depth<5|10|20>[@100ms]: the top levels with the book's lastUpdateId",
  },
  trade: { payload: TradeEvent, summary: "<symbol>@trade: each trade" },
  kline: { payload: KlineEvent, summary: "<symbol>@kline_<interval>: the forming candle" },
  ticker: { payload: TickerEvent, summary: "<symbol>@ticker: rolling 24-hour statistics" },
  bookTicker: { payload: BookTickerEvent, summary: "<symbol>@bookTicker: best bid and ask" },
  combined: { payload: CombinedEnvelope, summary: "A combined stream's {stream, data} wrapper" },
  controlRequest: {
    payload: ControlRequest,
    summary: "SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS, SET_PROPERTY, GET_PROPERTY",
  },
  controlResult: { payload: ControlResult, summary: "The answer to a control request" },
  controlError: { payload: ControlError, summary: "A bad control frame's error" },
  executionReport: { payload: ExecutionReportEvent, summary: "An order update" },
  outboundAccountPosition: { payload: AccountPositionEvent, summary: "Balances that changed" },
  balanceUpdate: {
    payload: BalanceUpdateEvent,
    summary:
      "A deposit credited, or a withdrawal held or returned: the free balance's signed change",
  },
  listenKeyExpired: {
    payload: ListenKeyExpiredEvent,
    summary: "The listen key expired or was closed; the stream ends",
  },
  wsApiRequest: { payload: WsApiRequest, summary: "A WebSocket API request" },
  wsApiResponse: { payload: WsApiResponse, summary: "A WebSocket API response" },
  wsApiUserEvent: {
    payload: WsApiUserEvent,
    summary: "A user data event of a userDataStream.subscribe.signature subscription",
  },
};

type MessageName = keyof typeof MESSAGES;

const MARKET_EVENTS: MessageName[] = [
  "depthUpdate",
  "partialDepth",
  "trade",
  "kline",
  "ticker",
  "bookTicker",
];
const CONTROL_ANSWERS: MessageName[] = ["controlResult", "controlError"];
const USER_EVENTS: MessageName[] = [
  "executionReport",
  "outboundAccountPosition",
  "balanceUpdate",
  "listenKeyExpired",
];

const ref = (path: string) => ({ $ref: path });

/** A channel listing `names` as its messages, each a reference to the component. */
function channel(address: string, description: string, names: MessageName[], parameters = {}) {
  return {
    address,
    description,
    parameters,
    messages: Object.fromEntries(names.map((name) => [name, ref(`#/components/messages/${name}`)])),
  };
}

function operation(
  action: "send" | "receive",
  channelName: string,
  names: MessageName[],
  summary: string,
) {
  return {
    action,
    summary,
    channel: ref(`#/channels/${channelName}`),
    messages: names.map((name) => ref(`#/channels/${channelName}/messages/${name}`)),
  };
}

/**
 * The AsyncAPI 3.0 document of the Binance-compatible WebSocket endpoints, generated from the
 * same zod schemas the message builders return (`z.toJSONSchema`). Actions are the
 * application's, as AsyncAPI describes them: it `send`s events and answers and `receive`s
 * requests.
 *
 * @example
 * const document = binanceAsyncApi({ host: "exchange.example.com" });
 */
export function binanceAsyncApi(options: { host?: string; protocol?: "ws" | "wss" } = {}) {
  const { host = "localhost:3000", protocol = "wss" } = options;
  const messages = Object.fromEntries(
    Object.entries(MESSAGES).map(([name, { payload, summary }]) => {
      const { $schema: _, ...schema } = z.toJSONSchema(payload, {
        target: "draft-7",
        unrepresentable: "any",
      }) as Record<string, unknown>;
      return [
        name,
        { name, title: name, summary, contentType: "application/json", payload: schema },
      ];
    }),
  );
  const streamName = { description: "A stream name, e.g. btcusdt@depth@100ms" };
  return {
    asyncapi: "3.0.0",
    info: {
      title: "CryptoTrade Binance-compatible WebSocket streams",
      version: "1.0.0",
      description:
        "Binance's spot market streams, user data stream and the WebSocket API's user data " +
        "subscription, served beside the typed tRPC subscriptions at /ws. See ADR 035.",
    },
    defaultContentType: "application/json",
    servers: { exchange: { host, protocol } },
    channels: {
      rawStream: channel(
        "/ws/{streamName}",
        "One or more raw streams (`/ws/a/b`); frames subscribe to more. Payloads come bare.",
        [...MARKET_EVENTS, "controlRequest", ...CONTROL_ANSWERS],
        { streamName },
      ),
      combinedStream: channel(
        "/stream",
        "Combined streams: `/stream?streams=a/b`; every payload wrapped as {stream, data}.",
        ["combined", "controlRequest", ...CONTROL_ANSWERS],
      ),
      userDataStream: channel(
        "/ws/{listenKey}",
        "A listen key's user data (POST /api/v3/userDataStream), valid 60 minutes unless kept alive.",
        USER_EVENTS,
        { listenKey: { description: "A listen key from POST /api/v3/userDataStream" } },
      ),
      webSocketApi: channel(
        "/ws-api/v3",
        "The WebSocket API: userDataStream.subscribe.signature, userDataStream.unsubscribe, ping, time.",
        ["wsApiRequest", "wsApiResponse", "wsApiUserEvent"],
      ),
    },
    operations: {
      sendMarketEvents: operation(
        "send",
        "rawStream",
        [...MARKET_EVENTS, ...CONTROL_ANSWERS],
        "Market events and control answers",
      ),
      receiveControlFrames: operation("receive", "rawStream", ["controlRequest"], "Control frames"),
      sendCombinedEvents: operation(
        "send",
        "combinedStream",
        ["combined", ...CONTROL_ANSWERS],
        "Wrapped market events",
      ),
      receiveCombinedControlFrames: operation(
        "receive",
        "combinedStream",
        ["controlRequest"],
        "Control frames",
      ),
      sendUserData: operation("send", "userDataStream", USER_EVENTS, "User data events"),
      receiveWsApiRequests: operation("receive", "webSocketApi", ["wsApiRequest"], "Requests"),
      sendWsApiAnswers: operation(
        "send",
        "webSocketApi",
        ["wsApiResponse", "wsApiUserEvent"],
        "Responses and subscribed user data events",
      ),
    },
    components: { messages },
  };
}
