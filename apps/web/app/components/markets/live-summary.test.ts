import { describe, expect, it } from "vitest";
import { summariseLiveStates } from "./live-summary";

describe("summariseLiveStates", () => {
  it("is live only when every subscription is", () => {
    expect(summariseLiveStates(["pending", "pending"])).toBe("pending");
    expect(summariseLiveStates(["pending", "connecting"])).toBe("connecting");
    expect(summariseLiveStates(["pending", "idle"])).toBe("connecting");
  });

  it("reports an interruption of any one", () => {
    expect(summariseLiveStates(["pending", "error", "connecting"])).toBe("error");
  });

  it("is paused before anything subscribed", () => {
    expect(summariseLiveStates([])).toBe("idle");
    expect(summariseLiveStates(["idle"])).toBe("idle");
  });
});
