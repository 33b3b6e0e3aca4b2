import { describe, expect, it } from "vitest";
import { waitFor, within } from "./deadlines";

describe("deadlines", () => {
  it("within answers with the promise's value when it settles in time", async () => {
    await expect(within(Promise.resolve("done"), 1_000, "too slow")).resolves.toBe("done");
  });

  it("within rejects with the message when the promise outlasts the deadline", async () => {
    await expect(within(new Promise(() => {}), 20, "too slow")).rejects.toThrow("too slow");
  });

  it("waitFor returns once the check holds, and names what it waited for when it never does", async () => {
    let checks = 0;
    await waitFor(() => ++checks === 3, 5_000, "the third check");
    expect(checks).toBe(3);
    await expect(waitFor(() => false, 60, "a miracle")).rejects.toThrow(
      "timed out waiting for a miracle",
    );
  });
});
