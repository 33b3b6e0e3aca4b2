import { isErrorReason } from "@cryptotrade/contract/errors";
import type { ExchangeErrorCode } from "../errors";
import { COMMAND_NAMES } from "../exchange-service";
import type { RpcMessage } from "./commands-rpc";

// A record, so a new error code cannot be forgotten here.
const ERROR_CODES: Record<ExchangeErrorCode, true> = {
  INVALID_INPUT: true,
  INSUFFICIENT_FUNDS: true,
  NOT_FOUND: true,
  CONFLICT: true,
  MARKET_HALTED: true,
  LIMIT_REACHED: true,
  UNAVAILABLE: true,
  OUTCOME_UNKNOWN: true,
};

/**
 * The message as an `RpcMessage` if it has that shape, else undefined: whatever arrives over
 * Redis crossed a process boundary and is checked before anything acts on it. A command's
 * arguments are checked by the command itself, as for a caller in this process.
 */
export function readRpcMessage(raw: unknown): RpcMessage | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const m = raw as Record<string, unknown>;
  if (typeof m.id !== "string" || m.id.length === 0 || m.id.length > 100) return undefined;
  switch (m.kind) {
    case "request":
      return isChannel(m.replyTo) &&
        COMMAND_NAMES.includes(m.method as never) &&
        Array.isArray(m.args)
        ? (raw as RpcMessage)
        : undefined;
    case "ping":
      return isChannel(m.replyTo) ? (raw as RpcMessage) : undefined;
    case "accepted":
    case "pong":
      return m.epoch === undefined || isEpoch(m.epoch) ? (raw as RpcMessage) : undefined;
    case "leading":
      return isEpoch(m.epoch) ? (raw as RpcMessage) : undefined;
    case "response":
      if (m.ok === true) return raw as RpcMessage;
      return m.ok === false &&
        Object.hasOwn(ERROR_CODES, m.code as string) &&
        (m.reason === undefined || isErrorReason(m.reason)) &&
        typeof m.message === "string" &&
        [m.field, m.clientOrderId, m.idempotencyKey].every(
          (text) => text === undefined || typeof text === "string",
        )
        ? (raw as RpcMessage)
        : undefined;
    default:
      return undefined;
  }
}

function isEpoch(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}

function isChannel(value: unknown): value is string {
  return typeof value === "string" && /^replies:[0-9a-f-]{36}$/.test(value);
}
