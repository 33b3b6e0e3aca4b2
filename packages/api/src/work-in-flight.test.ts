import { describe, expect, it } from "vitest";
import { WorkAbandoned, WorkInFlight } from "./work-in-flight";

describe("WorkInFlight", () => {
  it("starts a caller's waiting calls on later turns of the event loop, so other work gets in between", async () => {
    const work = new WorkInFlight(1, 100);
    const calls = 50;
    let started = 0;
    // Each call finishes without I/O, as a query on the in-process database (PGlite) does.
    const runs = Array.from({ length: calls }, async () => {
      const end = await work.begin("ip:flooder", 1);
      started += 1;
      await Promise.resolve();
      end();
    });
    // Another client's request, arriving while the flood's queue is full.
    const startedBeforeOthers = await new Promise<number>((resolve) =>
      setImmediate(() => resolve(started)),
    );
    await Promise.all(runs);
    expect(started).toBe(calls);
    expect(startedBeforeOthers).toBeLessThan(calls);
    expect(startedBeforeOthers).toBeLessThanOrEqual(2);
  });

  it("drops a waiting call whose caller left before its turn, and runs the others", async () => {
    const work = new WorkInFlight(2, 10);
    const endFirst = await work.begin("user:1", 2);
    let left = false;
    const ran: string[] = [];
    const leaving = work
      .begin("user:1", 2, () => left)
      .then((end) => {
        ran.push("leaving");
        end();
      });
    const staying = work.begin("user:1", 2).then((end) => {
      ran.push("staying");
      end();
    });
    expect(work.waiting("user:1")).toBe(2);
    left = true;
    endFirst();
    await expect(leaving).rejects.toBeInstanceOf(WorkAbandoned);
    await staying;
    expect(ran).toEqual(["staying"]);
    expect(work.running("user:1")).toBe(0);
    expect(work.waiting("user:1")).toBe(0);
  });
});
