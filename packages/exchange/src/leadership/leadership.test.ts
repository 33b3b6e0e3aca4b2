import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { LeaseTable } from "../testing/lease-table";
import { ManualClock, settle } from "../testing/manual-clock";
import { RecordingWiring } from "../testing/recording-wiring";
import { Leadership } from "./leadership";

const LEASE_MS = 3_000;
const log = pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" });

/** One process's leadership over a shared lease table and clock, with what it started. */
function startProcess(
  world: { clock: ManualClock; table: LeaseTable },
  name: string,
  options: { role?: "candidate" | "replica"; canFollow?: boolean; embedded?: boolean } = {},
) {
  const wiring = new RecordingWiring({ canFollow: options.canFollow ?? true });
  const lease = world.table.candidate(name);
  const leadership = new Leadership({
    role: options.role ?? "candidate",
    lease: options.embedded ? undefined : lease,
    leaseMs: LEASE_MS,
    clock: world.clock,
    log,
    wiring: wiring.wiring,
  });
  const changes: Array<{ leading: boolean; state: string }> = [];
  leadership.onChange((leading) => changes.push({ leading, state: leadership.state.kind }));
  const started = leadership.start();
  return { leadership, wiring, lease, changes, started };
}

function newWorld() {
  const clock = new ManualClock();
  return { clock, table: new LeaseTable(clock, LEASE_MS) };
}

describe("a candidate", () => {
  it("that wins the lease leads: the switch routes to its sequencer and listeners hear it", async () => {
    const world = newWorld();
    const a = startProcess(world, "a");
    await a.started;
    expect(a.leadership.state).toMatchObject({ kind: "leading", epoch: 1 });
    expect(a.leadership.exchange.current()).toBe(a.wiring.lastSequencer());
    expect(a.leadership.leader()).toBe(a.wiring.lastSequencer());
    expect(a.wiring.events).toEqual(["rebuild 1", "serve 1"]);
    expect(a.changes).toEqual([{ leading: true, state: "leading" }]);
    await a.leadership.checkReady();
  });

  it("that finds the lease held follows, and takes over just after the holder's lease lapses", async () => {
    const world = newWorld();
    world.table.seize("gone");
    const b = startProcess(world, "b");
    await b.started;
    const follower = b.wiring.lastFollower();
    expect(b.leadership.state.kind).toBe("following");
    expect(b.leadership.exchange.current()).toBe(follower.exchange);
    await b.leadership.checkReady();

    // Bids a poll (a third of the lease) apart, then at the lapse plus a 5 ms margin.
    await world.clock.advanceTo(LEASE_MS + 4);
    expect(b.leadership.state.kind).toBe("following");
    await world.clock.advanceTo(LEASE_MS + 5);
    expect(b.leadership.state).toMatchObject({ kind: "leading", epoch: 2 });
    expect(b.leadership.exchange.current()).toBe(b.wiring.lastSequencer());
    expect(follower.closed).toBe(true);
    expect(world.table.holder).toBe("b");
  });

  it("with nothing to follow over refuses commands and starts only once it leads", async () => {
    const world = newWorld();
    world.table.seize("gone");
    const c = startProcess(world, "c", { canFollow: false });
    let started = false;
    void c.started.then(() => {
      started = true;
    });
    await world.clock.advance(1);
    expect(c.leadership.state.kind).toBe("candidate");
    expect(c.leadership.exchange.current()).toBeUndefined();
    await expect(c.leadership.checkReady()).rejects.toThrow("no leader to forward commands to");
    expect(started).toBe(false);
    await world.clock.advanceTo(LEASE_MS + 5);
    expect(started).toBe(true);
    expect(c.leadership.state.kind).toBe("leading");
  });

  it("on the embedded database leads without a lease", async () => {
    const world = newWorld();
    const e = startProcess(world, "e", { embedded: true });
    await e.started;
    expect(e.leadership.state).toMatchObject({ kind: "leading", epoch: undefined });
    expect(e.wiring.events).toEqual(["rebuild undefined", "serve undefined"]);
    await e.leadership.stop();
    expect(e.lease.sent).toEqual({ tryAcquire: 0, renew: 0, release: 0 });
  });
});

describe("a leader", () => {
  it("whose renewals hang steps down on its own clock, one lease and one poll after its last renewal (ADR 026)", async () => {
    const world = newWorld();
    const a = startProcess(world, "a");
    await a.started;
    a.lease.cutOff("hang");
    await world.clock.advanceTo(LEASE_MS + 1);
    // The lease lapsed unrenewed: not ready, but leading until the last renewal's deadline.
    await expect(a.leadership.checkReady()).rejects.toThrow("leadership lease not renewed in time");
    await world.clock.advanceTo(LEASE_MS + LEASE_MS / 3 - 1);
    expect(a.leadership.state.kind).toBe("leading");
    await world.clock.advanceTo(LEASE_MS + LEASE_MS / 3);
    expect(a.changes.at(-1)).toEqual({ leading: false, state: "stepping-down" });
    expect(a.leadership.state.kind).toBe("following");
    expect(a.wiring.lastSequencer().stopped).toBe(true);
    expect(a.wiring.events).toEqual([
      "rebuild 1",
      "serve 1",
      "stop taking commands 1",
      "stop serving 1",
      "follow",
    ]);
    expect(a.leadership.exchange.current()).toBe(a.wiring.lastFollower().exchange);
  });

  it("whose last renewal is merely late, answered within a poll of the lapse, keeps leading (ADR 026)", async () => {
    const world = newWorld();
    const a = startProcess(world, "a");
    await a.started;
    a.lease.cutOff("hang");
    await world.clock.advanceTo(LEASE_MS + LEASE_MS / 3 - 1);
    a.lease.heal();
    await world.clock.advance(10 * LEASE_MS);
    expect(a.leadership.state).toMatchObject({ kind: "leading", epoch: 1 });
    expect(a.changes).toEqual([{ leading: true, state: "leading" }]);
    await a.leadership.checkReady();
  });

  it("whose renewals fail steps down when the lease lapses", async () => {
    const world = newWorld();
    const a = startProcess(world, "a");
    await a.started;
    a.lease.cutOff("fail");
    await world.clock.advanceTo(LEASE_MS - 1);
    expect(a.leadership.state.kind).toBe("leading");
    await world.clock.advanceTo(LEASE_MS);
    expect(a.changes.at(-1)).toEqual({ leading: false, state: "stepping-down" });
    expect(a.leadership.state.kind).toBe("following");
  });

  it("whose lease another candidate took steps down at its next renewal", async () => {
    const world = newWorld();
    const a = startProcess(world, "a");
    await a.started;
    let stateWhenTold: unknown;
    a.leadership.onChange(() => {
      stateWhenTold = { ...a.leadership.state };
    });
    world.table.seize("newer");
    await world.clock.advanceTo(LEASE_MS / 3);
    expect(stateWhenTold).toMatchObject({
      kind: "stepping-down",
      reason: "another candidate took the lease",
    });
    expect(a.leadership.state.kind).toBe("following");
    expect(world.table.holder).toBe("newer");
  });

  it("whose batch is fenced off steps down at once, refusing commands while it drains", async () => {
    const world = newWorld();
    const a = startProcess(world, "a");
    await a.started;
    const openDrain = a.wiring.holdDrains();
    a.wiring.lastSequencer().fence();
    expect(a.leadership.state).toMatchObject({
      kind: "stepping-down",
      reason: "a batch was refused: a newer leader holds the lease",
    });
    expect(a.leadership.exchange.current()).toBeUndefined();
    await expect(a.leadership.checkReady()).rejects.toThrow("no leader to forward commands to");
    openDrain();
    await settle();
    expect(a.leadership.state.kind).toBe("following");
  });

  it("cut off from the database steps down while the other candidate takes over, and follows it once healed", async () => {
    const world = newWorld();
    const a = startProcess(world, "a");
    await a.started;
    const b = startProcess(world, "b");
    await b.started;
    expect(b.leadership.state.kind).toBe("following");

    a.lease.cutOff("hang");
    await world.clock.advanceTo(LEASE_MS + 5);
    expect(b.leadership.state).toMatchObject({ kind: "leading", epoch: 2 });
    // Two leaders on their own clocks for a moment; the fence keeps a's batches out.
    expect(a.leadership.state.kind).toBe("leading");
    await world.clock.advanceTo(LEASE_MS + LEASE_MS / 3);
    expect(a.leadership.state.kind).toBe("following");

    a.lease.heal();
    await world.clock.advance(10 * LEASE_MS);
    expect(a.leadership.state.kind).toBe("following");
    expect(b.leadership.state).toMatchObject({ kind: "leading", epoch: 2 });
    expect(world.table.holder).toBe("b");
  });

  it("that rebuilds while its lease is taken lets it go and follows again", async () => {
    const world = newWorld();
    world.table.seize("gone");
    const b = startProcess(world, "b");
    await b.started;
    const openRebuild = b.wiring.holdRebuilds();
    await world.clock.advanceTo(LEASE_MS + 5);
    expect(b.leadership.state).toMatchObject({ kind: "taking-over", epoch: 2 });
    // Still forwarding while it rebuilds.
    expect(b.leadership.exchange.current()).toBe(b.wiring.lastFollower().exchange);
    world.table.seize("faster");
    await world.clock.advance(LEASE_MS / 3);
    openRebuild();
    await settle();
    expect(b.leadership.state.kind).toBe("following");
    expect(b.wiring.lastSequencer().stopped).toBe(true);
    expect(b.wiring.events).not.toContain("serve 2");
    expect(b.changes).toEqual([]);
  });
});

describe("a replica", () => {
  it("follows through every change of leader and never bids", async () => {
    const world = newWorld();
    const a = startProcess(world, "a");
    await a.started;
    const r = startProcess(world, "r", { role: "replica" });
    await r.started;
    const follower = r.wiring.lastFollower();
    expect(r.leadership.state.kind).toBe("following");

    const b = startProcess(world, "b");
    await b.started;

    // a shuts down cleanly; b takes over within a poll; the replica keeps its follower, which
    // re-targets the new leader by its epoch (replica/commands-rpc.ts).
    await a.leadership.stop();
    await world.clock.advance(LEASE_MS / 3);
    expect(b.leadership.state).toMatchObject({ kind: "leading", epoch: 2 });
    await world.clock.advance(10 * LEASE_MS);
    expect(r.leadership.state.kind).toBe("following");
    expect(r.leadership.exchange.current()).toBe(follower.exchange);
    expect(r.wiring.followers).toHaveLength(1);
    expect(r.lease.sent.tryAcquire).toBe(0);
    expect(world.table.holder).toBe("b");
  });
});

describe("stopping", () => {
  it("a candidate waiting for the lease: it stops bidding and never leads", async () => {
    const world = newWorld();
    world.table.seize("gone");
    const c = startProcess(world, "c", { canFollow: false });
    await world.clock.advance(1);
    await c.leadership.stop();
    await c.started;
    const bids = c.lease.sent.tryAcquire;
    await world.clock.advance(10 * LEASE_MS);
    expect(c.lease.sent.tryAcquire).toBe(bids);
    expect(c.wiring.events).toEqual([]);
  });

  it("a follower: it closes the follower and stops bidding", async () => {
    const world = newWorld();
    world.table.seize("gone");
    const b = startProcess(world, "b");
    await b.started;
    await b.leadership.stop();
    const bids = b.lease.sent.tryAcquire;
    await world.clock.advance(10 * LEASE_MS);
    expect(b.lease.sent.tryAcquire).toBe(bids);
    expect(b.wiring.lastFollower().closed).toBe(true);
    expect(b.leadership.state.kind).toBe("stopped");
  });

  it("a takeover: it waits for the rebuild, drains it unserved and lets the lease go", async () => {
    const world = newWorld();
    world.table.seize("gone");
    const b = startProcess(world, "b");
    await b.started;
    const openRebuild = b.wiring.holdRebuilds();
    await world.clock.advanceTo(LEASE_MS + 5);
    expect(b.leadership.state.kind).toBe("taking-over");
    const stopped = b.leadership.stop();
    openRebuild();
    await stopped;
    expect(b.wiring.lastSequencer().stopped).toBe(true);
    expect(b.wiring.events).not.toContain("serve 2");
    expect(b.wiring.lastFollower().closed).toBe(true);
    expect(await world.table.candidate("next").tryAcquire()).toEqual({ epoch: 3 });
  });

  it("a leader: it tells listeners, drains, stops serving and lets the lease go at once", async () => {
    const world = newWorld();
    const a = startProcess(world, "a");
    await a.started;
    await a.leadership.stop();
    expect(a.changes.at(-1)).toEqual({ leading: false, state: "stopped" });
    expect(a.wiring.lastSequencer().stopped).toBe(true);
    expect(a.wiring.events).toEqual(["rebuild 1", "serve 1", "stop serving 1"]);
    expect(await world.table.candidate("next").tryAcquire()).toEqual({ epoch: 2 });
    const renewals = a.lease.sent.renew;
    await world.clock.advance(10 * LEASE_MS);
    expect(a.lease.sent.renew).toBe(renewals);
  });

  it("a leader stepping down: it waits for the drain and follows no one", async () => {
    const world = newWorld();
    const a = startProcess(world, "a");
    await a.started;
    const openDrain = a.wiring.holdDrains();
    a.wiring.lastSequencer().fence();
    const stopped = a.leadership.stop();
    let done = false;
    void stopped.then(() => {
      done = true;
    });
    await settle();
    expect(done).toBe(false);
    openDrain();
    await stopped;
    await world.clock.advance(10 * LEASE_MS);
    expect(a.leadership.state.kind).toBe("stopped");
    expect(a.wiring.followers).toEqual([]);
  });
});
