import { useTranslation } from "react-i18next";
import { ERROR_WORDS } from "~/lib/error-words";
import type errorsEn from "~/locales/en/errors.json";

/**
 * The field rules' words as the schemas (packages/contract, the forms) write them, each with
 * its key in the "errors" namespace. A form's error reaches the page as this English text,
 * from the browser's check or the server's answer, and is translated where it is shown.
 */
export const FIELD_RULE_KEYS = {
  "is required": "required",
  "must be 3-24 characters: letters, digits and underscores only": "usernameRule",
  "must be 6 digits": "sixDigits",
  "must be a plain address": "plainAddress",
  "must be an Ed25519 public key in PEM": "ed25519Pem",
  "must be an asset symbol such as BTC": "assetSymbol",
  "must be an email address": "email",
  "must be at most 254 characters": "max254",
  "must be at most 64 characters": "max64",
  "must not contain control or formatting characters": "noControlCharacters",
  "must be at least 10 characters": "passwordLength",
  "must be at most 128 characters": "max128",
  "does not match the new password": "passwordsDiffer",
} as const;

type FieldRuleKey = (typeof FIELD_RULE_KEYS)[keyof typeof FIELD_RULE_KEYS];

type WordedReason = keyof typeof errorsEn.reason;

// The reasons with words: the English table and errors.json name the same ones (tested).
const reasonOfWords = new Map(
  Object.entries(ERROR_WORDS).map(([reason, words]) => [words, reason as WordedReason]),
);

/** "Is required." (a server refusal in plain words) and "is required" (zod's) are one rule. */
function ruleOf(text: string): FieldRuleKey | undefined {
  const plain = `${text.charAt(0).toLowerCase()}${text.slice(1)}`.replace(/\.$/, "");
  return (FIELD_RULE_KEYS as Record<string, FieldRuleKey>)[plain];
}

/** The words in the shape the rule came in: capitalised and with a full stop, or not. */
function inShapeOf(original: string, words: string): string {
  const first = original.charAt(0);
  const capitalised =
    first !== first.toLowerCase() ? words.charAt(0).toUpperCase() + words.slice(1) : words;
  return original.endsWith(".") && !capitalised.endsWith(".") ? `${capitalised}.` : capitalised;
}

/**
 * Translates an error the app knows the words of (a reason's words, a field rule); any other
 * text (a server sentence with particulars) is shown as it came.
 *
 * @example
 * const errorText = useErrorText();
 * <p>{errorText("is required")}</p> // "Pflichtfeld" in German
 */
export function useErrorText(): (text: string) => string {
  const { t } = useTranslation("errors");
  return (text) => {
    const reason = reasonOfWords.get(text);
    if (reason) return t(`reason.${reason}`);
    const rule = ruleOf(text);
    return rule ? inShapeOf(text, t(`field.${rule}`)) : text;
  };
}
