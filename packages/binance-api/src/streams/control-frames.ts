import type { ControlError, ControlResult } from "./control-payloads";
import type { MarketStreamSession } from "./market-session";

/** What a connection tracks beside its subscriptions: whether payloads come wrapped. */
export interface ConnectionProperties {
  combined: boolean;
}

type Reply = ControlResult | ControlError;
type RequestId = ControlResult["id"];

const METHODS = ["SUBSCRIBE", "UNSUBSCRIBE", "LIST_SUBSCRIPTIONS", "SET_PROPERTY", "GET_PROPERTY"];

const invalid = (msg: string, id?: RequestId): ControlError => ({
  error: { code: 2, msg: `Invalid request: ${msg}` },
  ...(id !== undefined ? { id } : {}),
});

/** Binance's ids: a 64-bit integer, an alphanumeric string of at most 36, or null. */
function isRequestId(id: unknown): id is RequestId {
  if (id === null) return true;
  if (typeof id === "number") return Number.isSafeInteger(id);
  return typeof id === "string" && /^[A-Za-z0-9]{1,36}$/.test(id);
}

/**
 * Answers one text frame of a market stream connection as Binance does
 * (web-socket-streams.md): SUBSCRIBE / UNSUBSCRIBE answer `{result:null,id}`,
 * LIST_SUBSCRIPTIONS the names, SET_PROPERTY / GET_PROPERTY the `combined` property; a frame
 * that is not JSON is error 3, a malformed request error 2. One deliberate difference: a
 * stream name that is no stream here is refused (error 2) instead of silently never sending.
 *
 * @example
 * answerControlFrame('{"method":"SUBSCRIBE","params":["btcusdt@trade"],"id":1}', session, props);
 * // { result: null, id: 1 }
 */
export function answerControlFrame(
  text: string,
  session: MarketStreamSession,
  properties: ConnectionProperties,
): Reply {
  let frame: unknown;
  try {
    frame = JSON.parse(text);
  } catch {
    return { error: { code: 3, msg: "Invalid JSON: expected value at line 1 column 1" } };
  }
  if (typeof frame !== "object" || frame === null || Array.isArray(frame)) {
    return invalid("expected an object");
  }
  const { method, params, id } = frame as Record<string, unknown>;
  if (!isRequestId(id)) return invalid("request ID must be an unsigned integer");
  if (method === undefined) return invalid("missing field `method`", id);
  if (typeof method !== "string" || !METHODS.includes(method)) {
    return invalid(
      `unknown variant \`${String(method)}\`, expected one of ${METHODS.map((m) => `\`${m}\``).join(", ")}`,
      id,
    );
  }
  if (params !== undefined && !Array.isArray(params)) return invalid("params must be an array", id);
  const list = (params ?? []) as unknown[];
  switch (method) {
    case "LIST_SUBSCRIPTIONS":
      if (list.length > 0) return invalid("too many parameters", id);
      return { result: session.list(), id };
    case "SUBSCRIBE":
    case "UNSUBSCRIBE": {
      if (list.length === 0 || !list.every((name) => typeof name === "string")) {
        return invalid("params must be stream names", id);
      }
      const names = list as string[];
      const streams = names.map((name) => [name, session.parse(name)] as const);
      const unknown = streams.find(([, stream]) => !stream);
      if (unknown) return invalid(`unknown stream \`${unknown[0]}\``, id);
      if (method === "UNSUBSCRIBE") {
        for (const name of names) session.unsubscribe(name);
        return { result: null, id };
      }
      const fresh = new Set(names.filter((name) => !session.list().includes(name)));
      if (fresh.size > session.room()) {
        return invalid("too many streams: a connection listens to at most 1024", id);
      }
      for (const [name, stream] of streams) if (stream) session.subscribe(name, stream);
      return { result: null, id };
    }
    case "SET_PROPERTY": {
      const [name, value] = list;
      if (typeof name !== "string") return invalid("property name must be a string", id);
      if (name !== "combined") return { error: { code: 0, msg: "Unknown property" }, id };
      if (list.length > 2) return invalid("too many parameters", id);
      if (typeof value !== "boolean") {
        return { error: { code: 1, msg: "Invalid value type: expected Boolean" }, id };
      }
      properties.combined = value;
      return { result: null, id };
    }
    default: {
      const [name] = list;
      if (typeof name !== "string") return invalid("property name must be a string", id);
      if (name !== "combined") return { error: { code: 0, msg: "Unknown property" }, id };
      if (list.length > 1) return invalid("too many parameters", id);
      return { result: properties.combined, id };
    }
  }
}
