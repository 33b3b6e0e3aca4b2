import { type ReactNode, useEffect, useReducer, useRef } from "react";
import { I18nextProvider } from "react-i18next";
import { createI18n, i18nFor } from "./instance";
import type { Language } from "./languages";
import { loadLanguage } from "./resources";

/**
 * Gives the page the strings of `language` (the root loader's choice). The server loads every
 * language before rendering and the browser the page's one before hydrating, so the first
 * render is always in the right language; a language that is not loaded yet (a choice made in
 * another tab) keeps the page in its current one until its chunk arrives.
 */
export function LanguageProvider({
  language,
  children,
}: {
  language: Language;
  children: ReactNode;
}) {
  const ready = i18nFor(language);
  const shown = useRef(ready);
  if (ready) shown.current = ready;
  const [, loaded] = useReducer((count: number) => count + 1, 0);
  useEffect(() => {
    if (!ready) void loadLanguage(language).then(loaded);
  }, [language, ready]);
  const current = shown.current ?? createI18n(language, {});
  return <I18nextProvider i18n={current}>{children}</I18nextProvider>;
}
