const formats = new Map<string, Intl.NumberFormat>();
// Asked on every render of every component that takes amounts: worked out once per locale.
const separators = new Map<string, string>();

function formatter(locale: string, digits: number, grouped: boolean): Intl.NumberFormat {
  const key = `${locale}|${digits}|${grouped}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: grouped,
    });
    formats.set(key, format);
  }
  return format;
}

const WRITTEN = /^([+−-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * A decimal as the app writes it ("1,234.56", "−5.00", "65000.00": cut to its places by
 * @cryptotrade/contract/money) in the viewer's locale ("1.234,56" in German), digit for
 * digit: Intl.NumberFormat formats the decimal string itself, never a float, with exactly the
 * places it has, and groups only what was grouped. Anything else is returned as it is.
 *
 * @example
 * localizeDecimal("1,234.560000", "de-DE"); // "1.234,560000"
 * localizeDecimal("65000.00", "de-DE"); // "65000,00"
 */
export function localizeDecimal(text: string, locale: string): string {
  const match = WRITTEN.exec(text);
  if (!match) return text;
  const [, sign = "", whole = "0", fraction = ""] = match;
  const plain = fraction ? `${whole.replaceAll(",", "")}.${fraction}` : whole.replaceAll(",", "");
  return (
    sign + formatter(locale, fraction.length, whole.includes(",")).format(plain as `${number}`)
  );
}

/**
 * The character a locale writes between whole and fraction: "." or ",".
 *
 * @example
 * decimalSeparatorOf("de-DE"); // ","
 */
export function decimalSeparatorOf(locale: string): string {
  let separator = separators.get(locale);
  if (separator === undefined) {
    separator =
      formatter(locale, 1, false)
        .formatToParts(1.5)
        .find((part) => part.type === "decimal")?.value ?? ".";
    separators.set(locale, separator);
  }
  return separator;
}

/**
 * What a trader typed, in the form the exchange reads (a point before the fraction). Where
 * the locale writes a decimal comma, a comma is that point (a point typed by habit is kept as
 * one); elsewhere the text is left alone, so "1,000" in English is still refused, not read as 1.
 *
 * @example
 * readTypedDecimal("0,001", ","); // "0.001"
 * readTypedDecimal("0,001", "."); // "0,001"
 */
export function readTypedDecimal(text: string, separator: string): string {
  return separator === "," ? text.replaceAll(",", ".") : text;
}

/**
 * A decimal the app holds (with a point) as the trader's locale types it.
 *
 * @example
 * writeTypedDecimal("0.001", ","); // "0,001"
 */
export function writeTypedDecimal(text: string, separator: string): string {
  return separator === "," ? text.replaceAll(".", ",") : text;
}
