import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { describeUnansweredCall } from "./unanswered-call";

describe("describeUnansweredCall", () => {
  it("says an order made offline was not sent", () => {
    expect(describeUnansweredCall(new TypeError("Failed to fetch"), "order", false)).toBe(
      "You are offline: the order was not sent. Check your connection and try again.",
    );
  });

  it("asks the user to check when the connection failed while online", () => {
    expect(describeUnansweredCall(new TRPCClientError("Failed to fetch"), "cancel", true)).toBe(
      "The exchange did not answer: check whether the cancel went through before trying again.",
    );
  });

  it("leaves the exchange's own refusals alone", () => {
    const refusal = new TRPCClientError("Insufficient USDT", {
      result: {
        error: {
          code: -32012,
          message: "Insufficient USDT",
          data: { code: "PRECONDITION_FAILED" },
        },
      },
    });
    expect(describeUnansweredCall(refusal, "order", false)).toBeNull();
  });

  it("leaves the page's own errors alone, such as a confirmation the person cancelled", () => {
    expect(
      describeUnansweredCall(new Error("Access was not confirmed"), "request", false),
    ).toBeNull();
  });
});
