import { describe, expect, it } from "vitest";
import { plainWords, wordsFor } from "./error-words";

describe("error words", () => {
  it("takes the API's field names out of a refusal of several inputs", () => {
    expect(plainWords("amount: below the minimum withdrawal of 10 USDT")).toBe(
      "Below the minimum withdrawal of 10 USDT.",
    );
    expect(plainWords("price: required; quantity: must be positive")).toBe(
      "Required. Must be positive.",
    );
  });

  it("leaves a sentence alone, a colon in it included", () => {
    const sentence = "Insufficient USDT: this order needs 10.00, 5.00 available";
    expect(plainWords(sentence)).toBe(sentence);
    expect(wordsFor(undefined, sentence)).toBe(sentence);
  });

  it("prefers its own words for a known reason", () => {
    expect(wordsFor("INVALID_CREDENTIALS", "whatever")).toBe("Invalid email or password");
  });
});
