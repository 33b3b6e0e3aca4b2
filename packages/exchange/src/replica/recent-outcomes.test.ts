import { describe, expect, it } from "vitest";
import { RecentOutcomes } from "./recent-outcomes";

describe("recent outcomes", () => {
  it("runs each id once and forgets the oldest beyond its capacity", async () => {
    const outcomes = new RecentOutcomes<string>(2);
    let runs = 0;
    const run = async () => `run ${++runs}`;
    expect(await outcomes.getOrRun("a", run)).toBe("run 1");
    expect(await outcomes.getOrRun("a", run)).toBe("run 1");
    await outcomes.getOrRun("b", run);
    await outcomes.getOrRun("c", run);
    expect(outcomes.size).toBe(2);
    // "a" was the oldest, so it runs again; "c" is still remembered.
    expect(await outcomes.getOrRun("a", run)).toBe("run 4");
    expect(await outcomes.getOrRun("c", run)).toBe("run 3");
  });
});
