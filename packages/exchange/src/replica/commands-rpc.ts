import { randomUUID } from "node:crypto";
import { ExchangeError, type ExchangeErrorCode } from "../errors";
import { COMMAND_NAMES, type ExchangeCommands } from "../exchange-service";
import type { EventBus } from "../streams/bus";

type CommandName = (typeof COMMAND_NAMES)[number];

export type RpcMessage =
  | { kind: "request"; id: string; replyTo: string; method: CommandName; args: unknown[] }
  | { kind: "response"; id: string; ok: true; value: unknown }
  | {
      kind: "response";
      id: string;
      ok: false;
      code: ExchangeErrorCode;
      message: string;
      field?: string;
    };

const REQUESTS = "commands";
const TIMEOUT_MS = 10_000;

/**
 * The leader's side: runs commands that replicas forward, and answers each on its replica's
 * reply channel. Answers are sent only once the command's batch has committed.
 */
export function serveCommands(exchange: ExchangeCommands, bus: EventBus<RpcMessage>): () => void {
  return bus.subscribe(REQUESTS, (message) => {
    if (message.kind !== "request" || !COMMAND_NAMES.includes(message.method)) return;
    const run = exchange[message.method] as (...args: unknown[]) => Promise<unknown>;
    run.apply(exchange, message.args).then(
      (value) =>
        bus.publish(message.replyTo, { kind: "response", id: message.id, ok: true, value }),
      (error: unknown) => {
        const known = error instanceof ExchangeError;
        bus.publish(message.replyTo, {
          kind: "response",
          id: message.id,
          ok: false,
          code: known ? error.code : "UNAVAILABLE",
          message: known ? error.message : "The exchange could not run this command",
          ...(known && error.field ? { field: error.field } : {}),
        });
      },
    );
  });
}

/** The replica's side: every command goes to the leader, and its answer comes back. */
export function forwardCommands(bus: EventBus<RpcMessage>): ExchangeCommands & { close(): void } {
  const replyTo = `replies:${randomUUID()}`;
  const pending = new Map<
    string,
    { resolve: (value: unknown) => void; reject: (error: unknown) => void }
  >();
  const stop = bus.subscribe(replyTo, (message) => {
    if (message.kind !== "response") return;
    const waiter = pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id);
    if (message.ok) waiter.resolve(message.value);
    else waiter.reject(new ExchangeError(message.code, message.message, message.field));
  });
  const call =
    (method: CommandName) =>
    (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const id = randomUUID();
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(
            new ExchangeError(
              "UNAVAILABLE",
              "The exchange did not answer in time; check before retrying",
            ),
          );
        }, TIMEOUT_MS);
        pending.set(id, {
          resolve: (value) => {
            clearTimeout(timer);
            resolve(value);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
        });
        bus.publish(REQUESTS, { kind: "request", id, replyTo, method, args });
      });
  const commands = Object.fromEntries(
    COMMAND_NAMES.map((name) => [name, call(name)]),
  ) as unknown as ExchangeCommands;
  return { ...commands, close: stop };
}
