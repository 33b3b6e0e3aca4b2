import { randomUUID } from "node:crypto";
import type { ErrorReason } from "@cryptotrade/contract/errors";
import type { Logger } from "pino";
import {
  ExchangeError,
  type ExchangeErrorCode,
  NotLeaderError,
  type OutcomeLookup,
  outcomeUnknown,
} from "../errors";
import { COMMAND_NAMES, type ExchangeCommands } from "../exchange-service";
import type { EventBus } from "../streams/bus";
import { RecentOutcomes } from "./recent-outcomes";
import { readRpcMessage } from "./rpc-message";

type CommandName = (typeof COMMAND_NAMES)[number];

type Response =
  | { kind: "response"; id: string; ok: true; value: unknown }
  | {
      kind: "response";
      id: string;
      ok: false;
      code: ExchangeErrorCode;
      /** Absent from a leader that predates reasons: the code's own reason then. */
      reason?: ErrorReason;
      message: string;
      field?: string;
      /** With OUTCOME_UNKNOWN: how the caller finds out what happened. */
      clientOrderId?: string;
      idempotencyKey?: string;
    };

export type RpcMessage =
  | { kind: "request"; id: string; replyTo: string; method: CommandName; args: unknown[] }
  /** The leader (of `epoch`, on PostgreSQL) has the command: the replica stops re-sending it. */
  | { kind: "accepted"; id: string; epoch?: number }
  | { kind: "ping"; id: string; replyTo: string }
  | { kind: "pong"; id: string; epoch?: number }
  /** A new leader serves from now on (said once, as it starts serving). */
  | { kind: "leading"; id: string; epoch: number }
  | Response;

const REQUESTS = "commands";
/** Where leaders announce themselves to every replica. */
const LEADERS = "leaders";
/** How often a replica re-sends a command no leader has taken yet (say, during failover). */
const RESEND_MS = 500;

/**
 * The leader's side: runs commands that replicas forward, and answers each on its replica's
 * reply channel once the command's batch has committed. A command id seen before is not run
 * again: its first outcome is answered again (ids are kept for the last `remember` commands).
 * A command refused because this process no longer leads gets no answer: the new leader
 * answers it, or the replica reports the outcome unknown. A leader of a fenced `epoch`
 * announces itself when it starts, so replicas re-target at once (see `forwardCommands`).
 */
export function serveCommands(
  exchange: ExchangeCommands,
  bus: EventBus<RpcMessage>,
  options: { log: Logger; remember?: number; epoch?: number | undefined },
): () => void {
  const outcomes = new RecentOutcomes<Response | undefined>(options.remember ?? 10_000);
  const { epoch } = options;
  const stamp = epoch === undefined ? {} : { epoch };
  const stop = bus.subscribe(REQUESTS, (raw) => {
    const message = readRpcMessage(raw);
    if (!message) {
      options.log.warn({ message: raw }, "malformed command message ignored");
      return;
    }
    if (message.kind === "ping") {
      bus.publish(message.replyTo, { kind: "pong", id: message.id, ...stamp });
      return;
    }
    if (message.kind !== "request") return;
    bus.publish(message.replyTo, { kind: "accepted", id: message.id, ...stamp });
    const outcome = outcomes.getOrRun(message.id, () => runCommand(exchange, message, options.log));
    void outcome.then((response) => {
      if (response) bus.publish(message.replyTo, response);
    });
  });
  if (epoch !== undefined) bus.publish(LEADERS, { kind: "leading", id: randomUUID(), epoch });
  return stop;
}

async function runCommand(
  exchange: ExchangeCommands,
  message: Extract<RpcMessage, { kind: "request" }>,
  log: Logger,
): Promise<Response | undefined> {
  const run = exchange[message.method] as (...args: unknown[]) => Promise<unknown>;
  try {
    const value = await run.apply(exchange, message.args);
    return { kind: "response", id: message.id, ok: true, value };
  } catch (error) {
    if (error instanceof NotLeaderError) return undefined;
    if (error instanceof ExchangeError) {
      return {
        kind: "response",
        id: message.id,
        ok: false,
        code: error.code,
        reason: error.reason,
        message: error.message,
        ...(error.field ? { field: error.field } : {}),
        ...(error.clientOrderId ? { clientOrderId: error.clientOrderId } : {}),
        ...(error.idempotencyKey ? { idempotencyKey: error.idempotencyKey } : {}),
      };
    }
    log.error({ err: error, command: message.method, id: message.id }, "forwarded command failed");
    return {
      kind: "response",
      id: message.id,
      ok: false,
      code: "UNAVAILABLE",
      message: "The exchange could not run this command",
    };
  }
}

/** The replica's side of the command channel. */
export interface ForwardedCommands extends ExchangeCommands {
  /** Resolves when a leader answers a ping within `timeoutMs`; rejects otherwise. */
  pingLeader(timeoutMs: number): Promise<void>;
  /** Stops sending; waits (bounded by the timeout) for the answers still owed. */
  close(): Promise<void>;
}

interface Waiter {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  accepted(epoch: number | undefined): void;
  /** A newer leader than the one that accepted the command serves now. */
  retarget(epoch: number): void;
}

/**
 * The replica's side: every command goes to whoever leads, with an id the leader
 * deduplicates. Until a leader says it has the command, it is re-sent, so a command sent
 * during a failover reaches the new leader. With no answer within `timeoutMs` the outcome is
 * unknown, and the error says so (`OUTCOME_UNKNOWN`, with the order's clientOrderId).
 *
 * Re-targeting: leaders stamp what they send with their epoch, and a new one announces itself.
 * When a newer leader serves, a command an older one accepted but never answered is sent to the
 * new one at once, instead of waiting out the timeout, wherever that cannot run it twice: an
 * order (its clientOrderId makes a repeat return the first), or any command sent after this
 * replica already knew the old leader had been replaced (fencing kept it from committing).
 * Anything else the old leader may have committed stays unknown.
 */
export function forwardCommands(
  bus: EventBus<RpcMessage>,
  options: { timeoutMs: number },
): ForwardedCommands {
  const replyTo = `replies:${randomUUID()}`;
  const pending = new Map<string, Waiter>();
  /** The newest leadership epoch heard of (0: none yet, or an embedded leader without one). */
  let knownEpoch = 0;
  const learnEpoch = (epoch: number | undefined) => {
    if (epoch === undefined || epoch <= knownEpoch) return;
    knownEpoch = epoch;
    for (const waiter of pending.values()) waiter.retarget(epoch);
  };
  const stopLeaders = bus.subscribe(LEADERS, (raw) => {
    const message = readRpcMessage(raw);
    if (message?.kind === "leading") learnEpoch(message.epoch);
  });
  const stop = bus.subscribe(replyTo, (raw) => {
    const message = readRpcMessage(raw);
    if (!message || !("id" in message)) return;
    if (message.kind === "accepted" || message.kind === "pong") learnEpoch(message.epoch);
    const waiter = pending.get(message.id);
    if (!waiter) return;
    if (message.kind === "accepted") waiter.accepted(message.epoch);
    if (message.kind === "pong") waiter.resolve(undefined);
    if (message.kind !== "response") return;
    if (message.ok) waiter.resolve(message.value);
    else {
      const { clientOrderId, idempotencyKey } = message;
      waiter.reject(
        new ExchangeError(message.code, message.message, {
          reason: message.reason,
          field: message.field,
          clientOrderId,
          idempotencyKey,
        }),
      );
    }
  });

  /**
   * Sends `message` (again, until accepted) and waits for its answer or the timeout.
   * `repeatable`: running it twice has the effect of running it once.
   */
  const exchangeMessage = (
    message: RpcMessage & { id: string },
    timeoutMs: number,
    onTimeout: () => unknown,
    repeatable = false,
  ) =>
    new Promise<unknown>((resolve, reject) => {
      const send = () => bus.publish(REQUESTS, message);
      let resend: NodeJS.Timeout | undefined = setInterval(send, RESEND_MS);
      const sentKnowing = knownEpoch;
      /** The epoch of the leader that accepted it (0: unstamped), once one has. */
      let acceptedBy: number | undefined;
      /** Whether a leader newer than `epoch` may run it: `epoch` never committed it, or a repeat is harmless. */
      const safeToResendAfter = (epoch: number) => repeatable || sentKnowing > epoch;
      const settle = () => {
        clearInterval(resend);
        clearTimeout(timer);
        pending.delete(message.id);
      };
      const timer = setTimeout(() => {
        settle();
        reject(onTimeout());
      }, timeoutMs);
      pending.set(message.id, {
        resolve: (value) => {
          settle();
          resolve(value);
        },
        reject: (error) => {
          settle();
          reject(error);
        },
        accepted: (epoch = 0) => {
          // A leader already replaced accepting it is no answer, where a newer one may run it.
          if (epoch < knownEpoch && safeToResendAfter(epoch)) return;
          acceptedBy = epoch;
          clearInterval(resend);
          resend = undefined;
        },
        retarget: (epoch) => {
          if (acceptedBy === undefined || acceptedBy >= epoch || !safeToResendAfter(acceptedBy)) {
            return;
          }
          acceptedBy = undefined;
          send();
          resend = setInterval(send, RESEND_MS);
        },
      });
      send();
    });

  // A command that names its clientOrderId or idempotency key runs once however often the
  // leader receives it, so it may be sent again to a new leader.
  const call =
    (method: CommandName) =>
    (...args: unknown[]) => {
      const lookup = lookupOf(method, args);
      return exchangeMessage(
        { kind: "request", id: randomUUID(), replyTo, method, args },
        options.timeoutMs,
        () => outcomeUnknown(lookup),
        lookup.clientOrderId !== undefined || lookup.idempotencyKey !== undefined,
      );
    };
  const commands = Object.fromEntries(
    COMMAND_NAMES.map((name) => [name, call(name)]),
  ) as unknown as ExchangeCommands;
  return {
    ...commands,
    pingLeader: async (timeoutMs) => {
      await exchangeMessage({ kind: "ping", id: randomUUID(), replyTo }, timeoutMs, () => {
        return new ExchangeError("UNAVAILABLE", "No exchange leader answered");
      });
    },
    async close() {
      while (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 20));
      stop();
      stopLeaders();
    },
  };
}

/** The clientOrderId or idempotency key in a command's arguments, for an unknown outcome. */
function lookupOf(method: CommandName, args: unknown[]): OutcomeLookup {
  const textAt = (index: number, key: string) => {
    const value = args[index];
    if (typeof value !== "object" || value === null || !(key in value)) return undefined;
    const found = (value as Record<string, unknown>)[key];
    return typeof found === "string" ? found : undefined;
  };
  const stringAt = (index: number) => (typeof args[index] === "string" ? args[index] : undefined);
  switch (method) {
    case "placeOrder":
      return { clientOrderId: textAt(1, "clientOrderId") };
    case "deposit":
    case "requestWithdrawal":
      return { idempotencyKey: textAt(0, "idempotencyKey") };
    case "cancelOrder":
    case "cancelAllOrders":
      return { idempotencyKey: stringAt(2) };
    default:
      return {};
  }
}
