import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { ExchangeError, outcomeUnknown } from "../errors";
import { COMMAND_NAMES, type ExchangeCommands } from "../exchange-service";
import type { OrderRecord } from "../records";
import { InProcessBus } from "../streams/bus";
import { forwardCommands, type RpcMessage, serveCommands } from "./commands-rpc";

const log = pino({ level: "silent" });

/** Commands that count their runs; only placeOrder is ever called here. */
function countingCommands(): { commands: ExchangeCommands; runs: () => number } {
  let runs = 0;
  const placeOrder = async (userId: number) => {
    runs += 1;
    return { id: runs, userId } as unknown as OrderRecord;
  };
  const refuse = async () => {
    throw new ExchangeError("NOT_FOUND", "not in this test");
  };
  return {
    commands: {
      placeOrder,
      cancelOrder: refuse,
      cancelAllOrders: refuse,
      amendOrder: refuse,
      deposit: refuse,
      requestWithdrawal: refuse,
      reviewWithdrawal: refuse,
      createMarket: refuse,
      setMarketStatus: refuse,
    },
    runs: () => runs,
  };
}

function replies(bus: InProcessBus<RpcMessage>, channel: string): RpcMessage[] {
  const seen: RpcMessage[] = [];
  bus.subscribe(channel, (message) => seen.push(message));
  return seen;
}

/**
 * Resolves once `count` messages matching `matches` have crossed `channel`; subscribe before
 * causing them. Tests wait on this event, never on a length of time.
 */
function messagesOn(
  bus: InProcessBus<RpcMessage>,
  channel: string,
  matches: (message: RpcMessage) => boolean = () => true,
  count = 1,
): Promise<RpcMessage[]> {
  return new Promise((resolve) => {
    const seen: RpcMessage[] = [];
    const stop = bus.subscribe(channel, (message) => {
      if (!matches(message)) return;
      seen.push(message);
      if (seen.length < count) return;
      stop();
      resolve(seen);
    });
  });
}

const isResponse = (message: RpcMessage) => message.kind === "response";

describe("commands forwarded over the bus", () => {
  it("runs a command delivered twice with the same id once, and answers both", async () => {
    const bus = new InProcessBus<RpcMessage>();
    const { commands, runs } = countingCommands();
    serveCommands(commands, bus, { log });
    const replyTo = "replies:00000000-0000-4000-8000-000000000001";
    const seen = replies(bus, replyTo);
    const answered = messagesOn(bus, replyTo, isResponse, 2);
    const request: RpcMessage = {
      kind: "request",
      id: "command-1",
      replyTo,
      method: "placeOrder",
      args: [7, { symbol: "BTC-USDT" }],
    };
    bus.publish("commands", request);
    bus.publish("commands", request);
    await answered;

    expect(runs()).toBe(1);
    const answers = seen.filter((m) => m.kind === "response");
    expect(answers).toEqual([
      { kind: "response", id: "command-1", ok: true, value: { id: 1, userId: 7 } },
      { kind: "response", id: "command-1", ok: true, value: { id: 1, userId: 7 } },
    ]);
    expect(seen.filter((m) => m.kind === "accepted")).toHaveLength(2);
  });

  it("ignores a message that is not a well-formed command", async () => {
    const bus = new InProcessBus<RpcMessage>();
    const { commands, runs } = countingCommands();
    serveCommands(commands, bus, { log });
    bus.publish("commands", {
      kind: "request",
      id: "x",
      replyTo: "somewhere-else",
      method: "placeOrder",
      args: [],
    });
    bus.publish("commands", { kind: "request", id: "y" } as unknown as RpcMessage);
    // The bus delivers in order: once a good command behind them is answered, they were seen.
    const replyTo = "replies:00000000-0000-4000-8000-000000000002";
    const answered = messagesOn(bus, replyTo, isResponse);
    bus.publish("commands", {
      kind: "request",
      id: "z",
      replyTo,
      method: "placeOrder",
      args: [7, { symbol: "BTC-USDT" }],
    });
    expect(await answered).toEqual([
      { kind: "response", id: "z", ok: true, value: { id: 1, userId: 7 } },
    ]);
    expect(runs()).toBe(1);
  });

  it("reaches a leader that starts after the command was sent", async () => {
    const bus = new InProcessBus<RpcMessage>();
    const forwarded = forwardCommands(bus, { timeoutMs: 5_000 });
    const sent = messagesOn(bus, "commands");
    const answer = forwarded.placeOrder(3, {
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      clientOrderId: "late-leader",
    });
    await sent;
    const { commands, runs } = countingCommands();
    serveCommands(commands, bus, { log });
    expect(await answer).toEqual({ id: 1, userId: 3 });
    expect(runs()).toBe(1);
    await forwarded.close();
  });

  it("says the outcome is unknown, with the order's clientOrderId, when no answer comes", async () => {
    const bus = new InProcessBus<RpcMessage>();
    const forwarded = forwardCommands(bus, { timeoutMs: 100 });
    const error = await forwarded
      .placeOrder(3, { symbol: "BTC-USDT", side: "buy", type: "limit", clientOrderId: "abc-1" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ExchangeError);
    expect(error).toMatchObject({ code: "OUTCOME_UNKNOWN", clientOrderId: "abc-1" });
    expect((error as Error).message).toMatch(/may have executed/);
    await forwarded.close();
  });

  it("names a deposit's idempotency key when no answer comes, and carries the leader's unknown outcome with its key", async () => {
    const bus = new InProcessBus<RpcMessage>();
    const forwarded = forwardCommands(bus, { timeoutMs: 100 });
    const deposit = { userId: 3, asset: "BTC", amount: 1n, idempotencyKey: "dep-9" };
    await expect(forwarded.deposit(deposit)).rejects.toMatchObject({
      code: "OUTCOME_UNKNOWN",
      idempotencyKey: "dep-9",
    });
    const { commands } = countingCommands();
    serveCommands(
      {
        ...commands,
        deposit: async ({ idempotencyKey }) => Promise.reject(outcomeUnknown({ idempotencyKey })),
      },
      bus,
      { log },
    );
    const patient = forwardCommands(bus, { timeoutMs: 5_000 });
    await expect(patient.deposit({ ...deposit, idempotencyKey: "dep-10" })).rejects.toMatchObject({
      code: "OUTCOME_UNKNOWN",
      idempotencyKey: "dep-10",
    });
    await forwarded.close();
    await patient.close();
  });

  it("fails a ping when no leader answers, and passes it when one does", async () => {
    const bus = new InProcessBus<RpcMessage>();
    const forwarded = forwardCommands(bus, { timeoutMs: 1_000 });
    await expect(forwarded.pingLeader(50)).rejects.toMatchObject({ code: "UNAVAILABLE" });
    serveCommands(countingCommands().commands, bus, { log });
    await expect(forwarded.pingLeader(1_000)).resolves.toBeUndefined();
    await forwarded.close();
  });

  describe("when a newer leader takes over", () => {
    /**
     * A leader that takes every command and never answers: it was cut off, or it died.
     * `took` resolves once it has accepted a command (its acceptance is already on the bus).
     */
    const silentLeader = (bus: InProcessBus<RpcMessage>, epoch: number) => {
      let tookOne: () => void = () => {};
      const took = new Promise<void>((resolve) => {
        tookOne = resolve;
      });
      const hang = () => {
        tookOne();
        return new Promise<never>(() => {});
      };
      const commands = Object.fromEntries(COMMAND_NAMES.map((name) => [name, hang]));
      const stop = serveCommands(commands as unknown as ExchangeCommands, bus, { log, epoch });
      return { stop, took };
    };

    it("re-sends an order the old leader took but never answered to the new one, at once", async () => {
      const bus = new InProcessBus<RpcMessage>();
      // A timeout longer than the test: an answer can only come from re-targeting.
      const forwarded = forwardCommands(bus, { timeoutMs: 60_000 });
      const old = silentLeader(bus, 4);
      const answer = forwarded.placeOrder(3, {
        symbol: "BTC-USDT",
        side: "buy",
        type: "limit",
        clientOrderId: "taken-by-the-old-leader",
      });
      await old.took;
      old.stop();
      const { commands, runs } = countingCommands();
      serveCommands(commands, bus, { log, epoch: 5 });
      expect(await answer).toEqual({ id: 1, userId: 3 });
      expect(runs()).toBe(1);
      await forwarded.close();
    });

    it("leaves a command the old leader may have run, and cannot repeat safely, to its timeout", async () => {
      const bus = new InProcessBus<RpcMessage>();
      const forwarded = forwardCommands(bus, { timeoutMs: 300 });
      const old = silentLeader(bus, 4);
      const answer = forwarded
        .deposit({ userId: 3, asset: "USDT", amount: 1n })
        .catch((error: unknown) => error);
      await old.took;
      old.stop();
      let deposits = 0;
      serveCommands(
        {
          ...countingCommands().commands,
          deposit: async () => {
            deposits += 1;
            throw new ExchangeError("NOT_FOUND", "not in this test");
          },
        },
        bus,
        { log, epoch: 5 },
      );
      expect(await answer).toMatchObject({ code: "OUTCOME_UNKNOWN" });
      expect(deposits).toBe(0);
      await forwarded.close();
    });

    it("does not count an old leader's acceptance of a command sent after the new one was known", async () => {
      const bus = new InProcessBus<RpcMessage>();
      const forwarded = forwardCommands(bus, { timeoutMs: 60_000 });
      const { commands, runs } = countingCommands();
      const stopNew = serveCommands(
        { ...commands, deposit: async () => ({ id: runs() }) as never },
        bus,
        { log, epoch: 5 },
      );
      await forwarded.pingLeader(1_000);
      stopNew();
      // The replaced leader still listens (it has not noticed yet) and takes what comes.
      const replaced = silentLeader(bus, 4);
      const answer = forwarded.deposit({ userId: 3, asset: "USDT", amount: 1n });
      await replaced.took;
      serveCommands({ ...commands, deposit: async () => ({ id: 42 }) as never }, bus, {
        log,
        epoch: 5,
      });
      expect(await answer).toEqual({ id: 42 });
      await forwarded.close();
    });
  });
});
