import { describe, expect, it } from "vitest";
import { readRefusal } from "./order-form-errors";

describe("readRefusal", () => {
  it("puts zod's field errors and prefixed domain messages at their fields", () => {
    expect(
      readRefusal(
        { message: "x", data: { code: "BAD_REQUEST", fieldErrors: { quoteQuantity: "required" } } },
        "quantity",
      ),
    ).toEqual({
      fields: { total: "Required" },
      form: null,
    });
    expect(
      readRefusal(
        {
          message: "price: must be a multiple of the tick size 0.01",
          data: { code: "BAD_REQUEST" },
        },
        "quantity",
      ),
    ).toEqual({
      fields: { price: "Must be a multiple of the tick size 0.01" },
      form: null,
    });
    expect(
      readRefusal(
        { message: "postOnly: the order would trade immediately", data: { code: "BAD_REQUEST" } },
        "quantity",
      ).fields,
    ).toEqual({
      postOnly: "The order would trade immediately",
    });
  });

  it("puts a balance refusal at the amount and anything else on the form", () => {
    expect(
      readRefusal(
        {
          message: "Insufficient USDT available for this order",
          data: { code: "PRECONDITION_FAILED" },
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
          data: { code: "PRECONDITION_FAILED" },
        },
        "quantity",
      ),
    ).toEqual({
      fields: {},
      form: "BTC-USDT is halted; only cancels are accepted",
    });
  });
});
