import { describe, expect, it } from "vitest";
import { resolveColorScheme } from "./theme";
import { readTheme, serializeThemeCookie } from "./theme.server";

const requestWith = (cookie: string) => new Request("http://x/", { headers: { cookie } });

describe("the theme", () => {
  it("follows the device's hint for system, and light before the device has told us", () => {
    expect(resolveColorScheme("system", "dark")).toBe("dark");
    expect(resolveColorScheme("system", null)).toBe("light");
    expect(resolveColorScheme("light", "dark")).toBe("light");
  });

  it("reads the saved choice and the hint from the cookies, ignoring values it did not write", () => {
    expect(readTheme(requestWith("theme=dark; CH-prefers-color-scheme=light"))).toEqual({
      preference: "dark",
      hint: "light",
    });
    expect(readTheme(requestWith("theme=purple; CH-prefers-color-scheme=%E0%A4%A"))).toEqual({
      preference: "system",
      hint: null,
    });
  });

  it("forgets the cookie when system is chosen", () => {
    expect(serializeThemeCookie("dark")).toMatch(
      /^theme=dark; Path=\/; SameSite=Lax; Max-Age=\d+$/,
    );
    expect(serializeThemeCookie("system")).toContain("Max-Age=0");
  });
});
