import { describe, expect, it } from "vitest";
import {
  API_KEY_PREFIX,
  generateRandomId,
  hashSecret,
  parseToken,
  secretMatchesHash,
} from "./tokens";

describe("tokens", () => {
  it("draws ids and secrets from the whole random range", () => {
    const ids = new Set(Array.from({ length: 1000 }, () => generateRandomId(20)));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^[a-z2-7]{32}$/);
  });

  it("parses session tokens and API keys, and nothing else", () => {
    expect(parseToken("abc.def")).toEqual({ id: "abc", secret: "def" });
    expect(parseToken(`${API_KEY_PREFIX}abc.def`, API_KEY_PREFIX)).toEqual({
      id: "abc",
      secret: "def",
    });
    for (const bad of [
      "",
      "abc",
      "abc.",
      ".def",
      "abc.def.ghi",
      "ABC.def",
      "a b.def",
      "x".repeat(300),
    ]) {
      expect(parseToken(bad)).toBeNull();
    }
    expect(parseToken("abc.def", API_KEY_PREFIX)).toBeNull();
  });

  it("matches a secret only against its own hash", () => {
    const stored = hashSecret("s3cret");
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(secretMatchesHash("s3cret", stored)).toBe(true);
    expect(secretMatchesHash("s3cres", stored)).toBe(false);
    expect(secretMatchesHash("s3cret", stored.slice(0, 62))).toBe(false);
    expect(secretMatchesHash("s3cret", "zz")).toBe(false);
  });
});
