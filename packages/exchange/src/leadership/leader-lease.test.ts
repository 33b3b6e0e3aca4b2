import { createTestDatabase } from "@cryptotrade/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeHolder, LeaderLease } from "./leader-lease";

/** The lease's SQL on a real database (PGlite, or PostgreSQL with DATABASE_URL). */
describe("LeaderLease", () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it("leaves a live lease to its holder, and takes a lapsed one with a higher epoch", async () => {
    const db = database.db;
    const first = new LeaderLease(db, describeHolder(), 60_000);
    const { epoch } = await first.tryAcquire();
    expect(epoch).toBeDefined();

    const standby = new LeaderLease(db, describeHolder(), 60_000);
    const waiting = await standby.tryAcquire();
    expect(waiting.epoch).toBeUndefined();
    expect(waiting.lapsesInMs).toBeGreaterThan(50_000);

    await first.release(epoch as number);
    const taken = await standby.tryAcquire();
    expect(taken.epoch).toBe((epoch as number) + 1);
    expect(await first.renew(epoch as number)).toBe(false);
  });

  it("is taken at once by a restart of the same instance, never by another instance", async () => {
    const db = database.db;
    const before = (await new LeaderLease(db, "x", 1).currentEpoch()) ?? 0;
    // The leader of instance "candidate-0" dies holding a minute-long lease.
    const dead = new LeaderLease(db, describeHolder("candidate-0"), 60_000, "candidate-0");
    await dead.claim();
    const deadEpoch = (await dead.currentEpoch()) as number;
    expect(deadEpoch).toBe(before + 1);

    // Another instance still waits for the lapse.
    const other = new LeaderLease(db, describeHolder("candidate-1"), 60_000, "candidate-1");
    expect((await other.tryAcquire()).epoch).toBeUndefined();
    // A process without an instance name waits too.
    expect(
      (await new LeaderLease(db, describeHolder(), 60_000).tryAcquire()).epoch,
    ).toBeUndefined();

    // Its replacement under the same name takes over now, fencing the old epoch out.
    const restarted = new LeaderLease(db, describeHolder("candidate-0"), 60_000, "candidate-0");
    expect((await restarted.tryAcquire()).epoch).toBe(deadEpoch + 1);
    expect(await dead.renew(deadEpoch)).toBe(false);
    // Holding it, a second bid of its own changes nothing.
    expect((await restarted.tryAcquire()).epoch).toBeUndefined();
    expect(await restarted.renew(deadEpoch + 1)).toBe(true);
  });
});
