import { describe, expect, it } from "vitest";
import { readRefusal } from "./errors";

describe("readRefusal", () => {
  it("puts zod's field errors and the refusal's field at their inputs", () => {
    expect(
      readRefusal(
        {
          message: "x",
          data: {
            code: "BAD_REQUEST",
            reason: "INVALID_INPUT",
            field: "quoteQuantity",
            fieldErrors: { quoteQuantity: "required" },
          },
        },
        "quantity",
      ),
    ).toEqual({
      fields: { total: "Required" },
      form: null,
    });
    expect(
      readRefusal(
        {
          message: "Price must be a multiple of the tick size 0.01",
          data: { code: "BAD_REQUEST", reason: "PRICE_NOT_ON_TICK", field: "price" },
        },
        "quantity",
      ),
    ).toEqual({
      fields: { price: "Price must be a multiple of the tick size 0.01" },
      form: null,
    });
    expect(
      readRefusal(
        {
          message: "The order would trade immediately",
          data: { code: "BAD_REQUEST", reason: "POST_ONLY_WOULD_TAKE", field: "postOnly" },
        },
        "quantity",
      ).fields,
    ).toEqual({
      postOnly: "The order would trade immediately",
    });
  });

  it("never reads a field out of the message", () => {
    expect(
      readRefusal(
        { message: "price: looks like a field", data: { code: "BAD_REQUEST" } },
        "quantity",
      ),
    ).toEqual({ fields: {}, form: "Looks like a field." });
  });

  it("puts a balance refusal at the amount and anything else on the form", () => {
    expect(
      readRefusal(
        {
          message: "Insufficient USDT available for this order",
          data: { code: "PRECONDITION_FAILED", reason: "INSUFFICIENT_BALANCE" },
        },
        "total",
      ).fields,
    ).toEqual({
      total: "Insufficient USDT available for this order",
    });
    expect(
      readRefusal(
        {
          message: "BTC-USDT is halted; only cancels are accepted",
          data: { code: "PRECONDITION_FAILED", reason: "MARKET_HALTED" },
        },
        "quantity",
      ),
    ).toEqual({
      fields: {},
      form: "BTC-USDT is halted; only cancels are accepted",
    });
  });
});
