import type { TFunction } from "i18next";
import type { AppLoadContext } from "react-router";
import { readCookie } from "~/lib/cookies.server";
import { readViewer } from "~/lib/viewer.server";
import { i18nFor } from "./instance";
import {
  DEFAULT_LANGUAGE,
  isLanguage,
  LANGUAGE_COOKIE,
  type Language,
  languageOfTag,
} from "./languages";

/** The language a page is written in, and whether the person chose it (numbers follow it then). */
export interface LanguageChoice {
  language: Language;
  explicit: boolean;
}

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * The first of our languages an Accept-Language header asks for, by its q-values.
 *
 * @example
 * acceptedLanguage("fr-FR,fr;q=0.9,de;q=0.8,en;q=0.7"); // "de"
 */
export function acceptedLanguage(header: string | null): Language | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const language = languageOfTag(tag);
    if (language) return language;
  }
  return null;
}

/**
 * The request's language: the signed-in person's saved choice, else the one kept in the
 * cookie, else the first of ours the browser asks for, else English.
 *
 * @example
 * readLanguage(request, user ? preferences.language : null); // { language: "de", explicit: true }
 */
export function readLanguage(request: Request, saved: Language | null): LanguageChoice {
  if (saved) return { language: saved, explicit: true };
  const cookie = readCookie(request, LANGUAGE_COOKIE);
  if (isLanguage(cookie)) return { language: cookie, explicit: true };
  const accepted = acceptedLanguage(request.headers.get("accept-language"));
  return { language: accepted ?? DEFAULT_LANGUAGE, explicit: false };
}

/**
 * The signed-in person's saved language (null: never chose, follow the browser). A failed
 * read is no reason to refuse the page: it is then written as if nothing was saved.
 */
export async function savedLanguage(context: AppLoadContext): Promise<Language | null> {
  try {
    return (await context.trpc.account.preferences()).language;
  } catch {
    return null;
  }
}

/**
 * An action's words in the request's language (the same choice the root loader makes), and
 * the locale its numbers and dates are written in, for answers the server writes.
 *
 * @example
 * const { t } = await requestWords(request, context);
 * return { done: t("confirm.done", { ns: "account" }) };
 */
export async function requestWords(
  request: Request,
  context: AppLoadContext,
): Promise<{ t: TFunction; locale: string }> {
  const choice = readLanguage(request, await savedLanguage(context));
  const instance = i18nFor(choice.language) ?? i18nFor(DEFAULT_LANGUAGE);
  if (!instance) throw new Error("The server's strings are not loaded");
  return { t: instance.t, locale: readViewer(request, choice).locale };
}

/** The Set-Cookie that keeps an explicit choice for a year. */
export function serializeLanguageCookie(language: Language): string {
  return `${LANGUAGE_COOKIE}=${language}; Path=/; SameSite=Lax; Max-Age=${ONE_YEAR_SECONDS}`;
}
