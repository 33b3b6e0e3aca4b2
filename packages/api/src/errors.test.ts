import { AuthError } from "@cryptotrade/auth";
import { PlaceOrderInput } from "@cryptotrade/contract/orders";
import { ExchangeError, invalidInput, outcomeUnknown } from "@cryptotrade/exchange";
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { errorDetailsOf, toTRPCError } from "./errors";

/** The error a procedure's caller gets for `cause`, as the middleware maps it. */
function refusal(cause: unknown): TRPCError {
  const mapped = toTRPCError(cause);
  if (!mapped) throw new Error("not a domain error");
  return mapped;
}

describe("the error shape's details", () => {
  it("carries an exchange refusal's reason and field, and a plain message", () => {
    const error = refusal(
      invalidInput("PRICE_NOT_ON_TICK", "price", "Price must be a multiple of the tick size 0.01"),
    );
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("Price must be a multiple of the tick size 0.01");
    expect(errorDetailsOf(error)).toEqual({ reason: "PRICE_NOT_ON_TICK", field: "price" });
  });

  it("gives a code's own reason when the throw site names none", () => {
    const error = refusal(new ExchangeError("INSUFFICIENT_FUNDS", "Insufficient USDT available"));
    expect(error.code).toBe("PRECONDITION_FAILED");
    expect(errorDetailsOf(error)).toEqual({ reason: "INSUFFICIENT_BALANCE" });
  });

  it("tells how to look up a command whose outcome is unknown", () => {
    const error = refusal(outcomeUnknown({ clientOrderId: "bot-7" }));
    expect(error.code).toBe("TIMEOUT");
    expect(errorDetailsOf(error)).toEqual({ reason: "OUTCOME_UNKNOWN", clientOrderId: "bot-7" });
  });

  it("carries an auth refusal's reason, field and retry time", () => {
    const taken = refusal(new AuthError("EMAIL_TAKEN", "Taken", { field: "email" }));
    expect(taken.code).toBe("CONFLICT");
    expect(errorDetailsOf(taken)).toEqual({ reason: "EMAIL_TAKEN", field: "email" });
    const limited = refusal(new AuthError("RATE_LIMITED", "Slow down", { retryAfterSeconds: 30 }));
    expect(errorDetailsOf(limited)).toEqual({ reason: "RATE_LIMITED", retryAfterSeconds: 30 });
  });

  it("answers a schema failure as INVALID_INPUT with every field and the first as field", () => {
    const parsed = PlaceOrderInput.safeParse({ symbol: "btc", side: "long", type: "limit" });
    if (parsed.success) throw new Error("the input should not parse");
    const error = new TRPCError({ code: "BAD_REQUEST", cause: parsed.error });
    const details = errorDetailsOf(error);
    expect(details).toMatchObject({ reason: "INVALID_INPUT", field: "symbol" });
    expect(Object.keys(details.fieldErrors ?? {})).toEqual(["symbol", "side"]);
  });

  it("names an unknown key as the field at fault", () => {
    const parsed = PlaceOrderInput.safeParse({
      symbol: "BTC-USDT",
      side: "buy",
      type: "limit",
      leverage: "10",
    });
    if (parsed.success) throw new Error("the input should not parse");
    const details = errorDetailsOf(new TRPCError({ code: "BAD_REQUEST", cause: parsed.error }));
    expect(details.field).toBe("leverage");
  });

  it("gives tRPC's own refusals the availability and rate reasons", () => {
    expect(errorDetailsOf(new TRPCError({ code: "SERVICE_UNAVAILABLE" }))).toEqual({
      reason: "UNAVAILABLE",
    });
    expect(errorDetailsOf(new TRPCError({ code: "TOO_MANY_REQUESTS" }))).toEqual({
      reason: "RATE_LIMITED",
    });
    expect(errorDetailsOf(new TRPCError({ code: "UNAUTHORIZED" }))).toEqual({});
  });
});
