import type { ErrorReason } from "@cryptotrade/contract/errors";

/**
 * Words for people, per error reason the server sends (`error.data.reason`). Plain data keyed by
 * reason, so a translation is another table of the same shape. A reason without words here is
 * shown with the server's own message, which is already a plain sentence: reasons whose
 * message carries particulars (a date, a limit, which code was wrong) are left to it.
 */
export const ERROR_WORDS: Readonly<Partial<Record<ErrorReason, string>>> = {
  INVALID_CREDENTIALS: "Invalid email or password",
  EMAIL_TAKEN: "An account with this email already exists",
  USERNAME_TAKEN: "This username is taken",
  TWO_FACTOR_REQUIRED: "Turn on two-factor authentication in your account settings to withdraw",
  REAUTHENTICATION_REQUIRED:
    "Confirm it is you: enter your password (and a two-factor code if it is on) first",
};

/** The words for a refusal: the table's, else the server's message in plain words. */
export function wordsFor(reason: ErrorReason | undefined, message: string): string {
  return (reason && ERROR_WORDS[reason]) || plainWords(message);
}

/**
 * A server message without the API's field names: a refusal of several inputs arrives as
 * "amount: below the minimum; price: required", which people should not have to decode.
 *
 * @example
 * plainWords("amount: below the minimum; price: required"); // "Below the minimum. Required."
 * plainWords("Insufficient USDT: this order needs 10"); // unchanged
 */
export function plainWords(message: string): string {
  const named = message.split("; ").map((part) => /^[a-zA-Z]+: (.+)$/.exec(part)?.[1]);
  if (named.some((part) => part === undefined)) return message;
  return named
    .map((part) => part ?? "")
    .map((part) => `${part.charAt(0).toUpperCase()}${part.slice(1)}`.replace(/\.?$/, "."))
    .join(" ");
}
