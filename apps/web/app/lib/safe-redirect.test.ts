import { describe, expect, it } from "vitest";
import { safeRedirect } from "./safe-redirect";

describe("safeRedirect", () => {
  it("keeps paths on this site, query and encoded characters included", () => {
    for (const to of ["/", "/trade/BTC-USDT?x=1", "/wallet?tab=history#top", "/a%20b"]) {
      expect(safeRedirect(to)).toBe(to);
    }
  });

  it("sends anything that could leave the site home instead", () => {
    const offSite = [
      "//evil.example",
      "/\\evil.example",
      "\\\\evil.example",
      "/\\/evil.example",
      "/%5Cevil.example",
      "/%5cevil.example",
      "%2F%2Fevil.example",
      "/%2F/evil.example",
      "/%252F/evil.example",
      "/%25255Cevil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/%09/evil.example",
      "https://evil.example",
      "HTTPS://evil.example",
      "javascript:alert(1)",
      " /ok",
      "/%E0%A4%A",
      "",
      null,
    ];
    for (const to of offSite) expect(safeRedirect(to), JSON.stringify(to)).toBe("/");
  });

  it("uses the fallback it is given", () => {
    expect(safeRedirect("//evil.example", "/account")).toBe("/account");
  });
});
