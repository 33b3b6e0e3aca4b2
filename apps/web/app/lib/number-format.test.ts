import { describe, expect, it } from "vitest";
import {
  decimalSeparatorOf,
  localizeDecimal,
  readTypedDecimal,
  writeTypedDecimal,
} from "./number-format";

describe("locale-aware numbers", () => {
  it("writes a decimal in the locale, digit for digit, beyond what a float holds", () => {
    expect(localizeDecimal("1,234,567,890,123,456.789012", "de-DE")).toBe(
      "1.234.567.890.123.456,789012",
    );
    expect(localizeDecimal("65000.00", "de-DE")).toBe("65000,00");
    expect(localizeDecimal("−5.00", "de-DE")).toBe("−5,00");
    expect(localizeDecimal("+1,000.00", "en-US")).toBe("+1,000.00");
    expect(localizeDecimal("0.00000001", "fr-FR")).toBe("0,00000001");
    expect(localizeDecimal("—", "de-DE")).toBe("—");
  });

  it("reads a decimal comma where the locale writes one, and only there", () => {
    expect(decimalSeparatorOf("de-DE")).toBe(",");
    expect(decimalSeparatorOf("en-US")).toBe(".");
    expect(readTypedDecimal("0,001", ",")).toBe("0.001");
    expect(readTypedDecimal("0.001", ",")).toBe("0.001");
    expect(readTypedDecimal("1,000", ".")).toBe("1,000");
    expect(writeTypedDecimal("0.001", ",")).toBe("0,001");
  });
});
