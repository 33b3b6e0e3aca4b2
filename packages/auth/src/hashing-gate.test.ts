import { describe, expect, it } from "vitest";
import { AuthError } from "./errors";
import { HashingGate } from "./hashing-gate";

/** Work that finishes only when the test says so. */
function heldWork() {
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { work: () => done, finish };
}

describe("HashingGate", () => {
  it("runs at most maxConcurrent at once, queues up to maxWaiting, and refuses the rest at once", async () => {
    const gate = new HashingGate(1, 2);
    const first = heldWork();
    let started = 0;
    const track = (held: ReturnType<typeof heldWork>) =>
      gate.run(async () => {
        started += 1;
        await held.work();
      });
    const running = track(first);
    const queued = [heldWork(), heldWork()];
    const waiting = queued.map(track);
    await Promise.resolve();
    expect(started).toBe(1);

    const refused = await track(heldWork()).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AuthError);
    expect((refused as AuthError).code).toBe("RATE_LIMITED");
    expect((refused as AuthError).retryAfterSeconds).toBe(1);

    first.finish();
    await running;
    for (const held of queued) held.finish();
    await Promise.all(waiting);
    expect(started).toBe(3);
  });

  it("frees its slot when the work fails", async () => {
    const gate = new HashingGate(1, 0);
    await expect(gate.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    await expect(gate.run(() => Promise.resolve("ok"))).resolves.toBe("ok");
  });
});
