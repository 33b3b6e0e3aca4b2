import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExchangeError } from "./errors";
import { listOrders } from "./queries/orders";
import { balancesOf } from "./queries/wallet";
import type { SequencerObserver, SequencerPhase } from "./sequencer-observer";
import { createTestExchange, type TestExchange } from "./testing";

/**
 * Watches the real sequencer through its observer and, while held, keeps each batch's commit
 * waiting at a gate: the batch is in flight and everything submitted after it queues.
 */
class CommitGate implements SequencerObserver {
  queuedJobs = 0;
  busyRefusals = 0;
  private release: (() => void) | undefined;
  private opened: Promise<void> = Promise.resolve();
  private reached: (() => void) | undefined;

  /** Holds the next commits; resolves once one is waiting at the gate. */
  hold(): Promise<void> {
    this.opened = new Promise((resolve) => {
      this.release = resolve;
    });
    return new Promise((resolve) => {
      this.reached = resolve;
    });
  }

  open(): void {
    this.release?.();
    this.release = undefined;
  }

  queued(): undefined {
    this.queuedJobs++;
    return undefined;
  }
  dequeued(): void {}
  refusedBusy(): void {
    this.busyRefusals++;
  }
  committed(): void {}
  failed(): void {}

  phase<T>(phase: SequencerPhase, _tags: readonly unknown[], run: () => T): T {
    if (phase !== "commit" || this.release === undefined) return run();
    this.reached?.();
    // The commit phase returns the write's promise; this one writes once the gate opens.
    return this.opened.then(run) as T;
  }
}

describe("the sequencer's queue bound", () => {
  const gate = new CommitGate();
  let t: TestExchange;
  beforeAll(async () => {
    t = await createTestExchange({ maxQueueLength: 3, observer: gate });
  });
  afterAll(() => {
    // A failed assertion may leave a commit held; the exchange must still stop.
    gate.open();
    return t.close();
  });

  it("refuses a command at once as busy when the queue is full, changes nothing, and takes work again once drained", async () => {
    const buyer = await t.createUser({ USDT: "10000" });
    const before = await balancesOf(t.database.db, buyer);
    const buy = (clientOrderId: string) =>
      t.exchange.placeOrder(buyer, {
        symbol: "BTC-USDT",
        side: "buy",
        type: "limit",
        price: "50000.00",
        quantity: "0.01",
        clientOrderId,
      });

    const queuedBefore = gate.queuedJobs;
    const atGate = gate.hold();
    const inFlight = buy("in-flight");
    await atGate;
    const queued = ["queued-1", "queued-2", "queued-3"].map(buy);
    expect(gate.queuedJobs - queuedBefore).toBe(4);
    const refusal = buy("refused").catch((error: unknown) => error);
    // Refused within the call, while the commit is still held: the bound is checked, not waited on.
    expect(gate.busyRefusals).toBe(1);
    expect(gate.queuedJobs - queuedBefore).toBe(4);
    const refused = await refusal;
    expect(refused).toBeInstanceOf(ExchangeError);
    expect(refused).toMatchObject({
      code: "UNAVAILABLE",
      reason: "EXCHANGE_BUSY",
      message: "The exchange is busy; nothing was done, please retry",
    });
    expect(await balancesOf(t.database.db, buyer)).toEqual(before);

    gate.open();
    const placed = await Promise.all([inFlight, ...queued]);
    expect(placed.map((order) => order.status)).toEqual(["open", "open", "open", "open"]);
    const open = await listOrders(t.database.db, buyer, { status: "open" });
    expect(open.items.map((order) => order.clientOrderId).sort()).toEqual([
      "in-flight",
      "queued-1",
      "queued-2",
      "queued-3",
    ]);
    await t.assertInvariants();

    // Nothing was recorded under the refused clientOrderId, so the retry is a new order.
    const retried = await buy("refused");
    expect(retried.status).toBe("open");
    expect(gate.busyRefusals).toBe(1);
    await t.assertInvariants();
  });
});
