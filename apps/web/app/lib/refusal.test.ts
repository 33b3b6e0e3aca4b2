import { describe, expect, it } from "vitest";
import { readRefusal, secondsToWait, toFormRefusal } from "./refusal";

/** A refusal as tRPC's client error or `formatError` gives it: a message and `data`. */
function refused(message: string, data: Record<string, unknown>) {
  return { message, data: { code: "BAD_REQUEST", httpStatus: 400, path: "x", ...data } };
}

describe("toFormRefusal", () => {
  it("puts each of zod's field errors at its field", () => {
    const refusal = readRefusal(
      refused("Invalid input", {
        reason: "INVALID_INPUT",
        field: "email",
        fieldErrors: { email: "must be an email address", password: "is required" },
      }),
    );
    expect(toFormRefusal(refusal)).toEqual({
      formErrors: [],
      fieldErrors: { email: ["must be an email address"], password: ["is required"] },
    });
  });

  it("puts a refusal at the field the server names, in the message's words", () => {
    const refusal = readRefusal(
      refused("Below the minimum withdrawal of 10 USDT", {
        reason: "BELOW_MIN_WITHDRAWAL",
        field: "amount",
      }),
    );
    expect(toFormRefusal(refusal)).toEqual({
      formErrors: [],
      fieldErrors: { amount: ["Below the minimum withdrawal of 10 USDT"] },
    });
  });

  it("uses the words table for a reason it has words for", () => {
    const refusal = readRefusal(refused("taken", { reason: "USERNAME_TAKEN" }));
    expect(toFormRefusal(refusal, { USERNAME_TAKEN: "username" })).toEqual({
      formErrors: [],
      fieldErrors: { username: ["This username is taken"] },
    });
  });

  it("places a reason without a field where the form says, whatever the message says", () => {
    const refusal = readRefusal(
      refused("That code is not valid; wait for a new one and try again", {
        reason: "INVALID_CODE",
      }),
    );
    expect(toFormRefusal(refusal, { INVALID_CODE: "code" }).fieldErrors).toEqual({
      code: ["That code is not valid; wait for a new one and try again"],
    });
    // The same message with no reason names no field: words never decide where it goes.
    const wordsOnly = readRefusal(refused("code: must be 6 digits", {}));
    expect(toFormRefusal(wordsOnly, { INVALID_CODE: "code" })).toEqual({
      formErrors: ["Must be 6 digits."],
      fieldErrors: {},
    });
  });

  it("ignores a reason outside the closed set", () => {
    const refusal = readRefusal(refused("Nope", { reason: "SOMETHING_NEW" }));
    expect(refusal.reason).toBeUndefined();
    expect(toFormRefusal(refusal, {})).toEqual({ formErrors: ["Nope"], fieldErrors: {} });
  });
});

describe("readRefusal", () => {
  it("reads a rate limit's wait and survives what is not an error at all", () => {
    const limited = readRefusal(
      refused("Too many attempts", { code: "TOO_MANY_REQUESTS", retryAfterSeconds: 7 }),
    );
    expect(limited).toMatchObject({ code: "TOO_MANY_REQUESTS", retryAfterSeconds: 7 });
    expect(readRefusal(null)).toMatchObject({ message: "Something went wrong", fieldErrors: {} });
  });
});

describe("secondsToWait", () => {
  const limited = (data: Record<string, unknown>) =>
    readRefusal(
      refused("Too many requests", { code: "TOO_MANY_REQUESTS", reason: "RATE_LIMITED", ...data }),
    );

  it("rounds a rate limit's wait up to whole seconds", () => {
    expect(secondsToWait(limited({ retryAfterSeconds: 6.2 }))).toBe(7);
  });

  it("waits a second when a rate limit names no wait", () => {
    expect(secondsToWait(limited({}))).toBe(1);
  });

  it("has no wait for a refusal that is not a rate limit", () => {
    expect(
      secondsToWait(readRefusal(refused("Price is off the tick", { reason: "PRICE_NOT_ON_TICK" }))),
    ).toBeNull();
  });
});
