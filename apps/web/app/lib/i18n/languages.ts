import { LANGUAGES, type Language } from "@cryptotrade/contract/preference-choices";

/**
 * The languages the app is written in (the account preference's): the code is what a person's
 * choice is kept as (cookie and account); the tag is what <html lang> says and what numbers
 * default to.
 */
export { LANGUAGES, type Language };

export const DEFAULT_LANGUAGE: Language = "en";

/** The cookie that keeps a person's explicit choice (set by the language switch only). */
export const LANGUAGE_COOKIE = "ct_lang";

/** Each language named in itself, as a language menu lists them. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: "English",
  de: "Deutsch",
  zh: "简体中文",
};

const TAGS: Readonly<Record<Language, string>> = { en: "en-US", de: "de-DE", zh: "zh-CN" };

/**
 * Whether a value (a cookie, a form field, a stored preference) names one of our languages.
 *
 * @example
 * isLanguage("de"); // true
 * isLanguage("fr"); // false
 */
export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The language a BCP 47 tag asks for, if we have it: "de-AT" is German, "zh-Hans-CN" and
 * "zh-CN" Simplified Chinese; Traditional Chinese ("zh-TW", "zh-Hant") is not offered.
 *
 * @example
 * languageOfTag("de-CH"); // "de"
 * languageOfTag("zh-TW"); // null
 */
export function languageOfTag(tag: string): Language | null {
  const [base = "", ...rest] = tag.trim().toLowerCase().split(/[-_]/);
  if (base === "zh") {
    const traditional = rest.some((part) => ["hant", "tw", "hk", "mo"].includes(part));
    return traditional ? null : "zh";
  }
  return isLanguage(base) ? base : null;
}

/**
 * The tag <html lang> gets for a language.
 *
 * @example
 * htmlLangOf("zh"); // "zh-CN"
 */
export function htmlLangOf(language: Language): string {
  return language === "zh" ? "zh-CN" : language;
}

/**
 * The locale numbers and dates are written in when a person chose `language` explicitly: the
 * browser's own locale if it is of that language (an Austrian keeps de-AT), else the language's
 * usual one (German chosen in an en-US browser writes 1.234,56).
 *
 * @example
 * formattingLocaleFor("de", "en-US"); // "de-DE"
 * formattingLocaleFor("de", "de-AT"); // "de-AT"
 */
export function formattingLocaleFor(language: Language, browserLocale: string): string {
  return languageOfTag(browserLocale) === language ? browserLocale : TAGS[language];
}
