import { describe, expect, it } from "vitest";
import { readTransactionFilter, toFilterQuery } from "./transaction-filter";

describe("readTransactionFilter", () => {
  it("reads every filter, with the 'to' day included whole", () => {
    const { form, input } = readTransactionFilter(
      new URLSearchParams("type=withdrawal&asset=BTC&status=pending&from=2026-11-01&to=2026-11-30"),
    );
    expect(input).toEqual({
      type: "withdrawal",
      asset: "BTC",
      status: "pending",
      from: new Date("2026-11-01T00:00:00Z"),
      to: new Date("2026-12-01T00:00:00Z"),
    });
    expect(toFilterQuery(form)).toBe(
      "type=withdrawal&asset=BTC&status=pending&from=2026-11-01&to=2026-11-30",
    );
  });

  it("drops values it does not know", () => {
    const { form, input } = readTransactionFilter(
      new URLSearchParams("type=trade&asset=btc&status=approved&from=yesterday&to=2026-13-45"),
    );
    expect(input).toEqual({});
    expect(toFilterQuery(form)).toBe("");
  });
});
