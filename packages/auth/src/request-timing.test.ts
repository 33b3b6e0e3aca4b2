import { describe, expect, it } from "vitest";
import { checkRequestTiming } from "./request-timing";

const NOW = 1_700_000_000_000;
const at = (offsetMs: number) => String(NOW + offsetMs);

describe("a signed request's timing", () => {
  it("accepts a timestamp up to recvWindow old, 5000 ms when none is sent", () => {
    expect(checkRequestTiming(at(-5000), undefined, NOW)).toBeNull();
    expect(checkRequestTiming(at(-5001), undefined, NOW)).toBe("timestamp_outside_window");
    expect(checkRequestTiming(at(-60_000), "60000", NOW)).toBeNull();
    expect(checkRequestTiming(at(-60_001), "60000", NOW)).toBe("timestamp_outside_window");
    expect(checkRequestTiming(at(-101), "100.5", NOW)).toBe("timestamp_outside_window");
    expect(checkRequestTiming(at(-100), "100.5", NOW)).toBeNull();
  });

  it("refuses a timestamp a second or more ahead of the server's clock", () => {
    expect(checkRequestTiming(at(999), undefined, NOW)).toBeNull();
    expect(checkRequestTiming(at(1000), undefined, NOW)).toBe("timestamp_ahead");
    expect(checkRequestTiming(at(1000), "60000", NOW)).toBe("timestamp_ahead");
  });

  it("refuses a recvWindow over 60000 ms", () => {
    expect(checkRequestTiming(at(0), "60000.001", NOW)).toBe("recv_window_too_large");
    expect(checkRequestTiming(at(0), "60001", NOW)).toBe("recv_window_too_large");
  });

  it("takes timestamps in microseconds", () => {
    expect(checkRequestTiming(`${NOW - 4000}123`, undefined, NOW)).toBeNull();
    expect(checkRequestTiming(`${NOW - 6000}123`, undefined, NOW)).toBe("timestamp_outside_window");
  });

  it("refuses what is not a plain number", () => {
    for (const timestamp of ["", "-1", "1.5", "1e12", " 1700000000000", "12345678901234567"]) {
      expect(checkRequestTiming(timestamp, undefined, NOW)).toBe("timestamp_malformed");
    }
    for (const recvWindow of ["", "-5", "5000.1234", "5e3", "abc"]) {
      expect(checkRequestTiming(at(0), recvWindow, NOW)).toBe("recv_window_malformed");
    }
  });
});
