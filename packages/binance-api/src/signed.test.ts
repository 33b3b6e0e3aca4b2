import type { SignedRequestRefusal } from "@cryptotrade/auth";
import { describe, expect, it } from "vitest";
import { signatureRefusal } from "./signed";

describe("a signed request's refusal, as Binance answers it", () => {
  it("gives every refusal Binance's code and HTTP status", () => {
    const cases: [SignedRequestRefusal, number, number][] = [
      [{ reason: "malformed_key" }, -2014, 401],
      [{ reason: "unknown_key" }, -2015, 401],
      [{ reason: "scope_missing" }, -2015, 401],
      [{ reason: "timestamp_outside_window" }, -1021, 400],
      [{ reason: "timestamp_ahead" }, -1021, 400],
      [{ reason: "bad_signature" }, -1022, 400],
      [{ reason: "replayed_signature" }, -1022, 400],
      [{ reason: "recv_window_too_large" }, -1130, 400],
      [{ reason: "recv_window_malformed" }, -1102, 400],
      [{ reason: "timestamp_malformed" }, -1102, 400],
      [{ reason: "missing_parameter", parameter: "signature" }, -1102, 400],
      [{ reason: "malformed_parameter", parameter: "signature" }, -1101, 400],
      [{ reason: "malformed_parameter", parameter: "percent-encoding" }, -1100, 400],
    ];
    for (const [refusal, code, status] of cases) {
      expect(signatureRefusal(refusal), refusal.reason).toMatchObject({ code, status });
    }
  });

  it("names the parameter at fault in Binance's words", () => {
    expect(signatureRefusal({ reason: "missing_parameter", parameter: "timestamp" }).msg).toBe(
      "Mandatory parameter 'timestamp' was not sent, was empty/null, or malformed.",
    );
    expect(signatureRefusal({ reason: "timestamp_ahead" }).msg).toBe(
      "Timestamp for this request was 1000ms ahead of the server's time.",
    );
  });
});
