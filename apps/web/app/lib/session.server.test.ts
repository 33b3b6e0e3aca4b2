import { describe, expect, it } from "vitest";
import { safeRedirect } from "./session.server";

describe("safeRedirect", () => {
  it("keeps paths on this site", () => {
    expect(safeRedirect("/trade/BTC-USDT?x=1")).toBe("/trade/BTC-USDT?x=1");
  });

  it("sends anything that could leave the site home instead", () => {
    for (const to of ["//evil.example", "https://evil.example", "javascript:alert(1)", "", null]) {
      expect(safeRedirect(to)).toBe("/");
    }
  });
});
