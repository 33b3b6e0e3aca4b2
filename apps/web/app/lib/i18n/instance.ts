import { createInstance, type i18n, type ResourceLanguage } from "i18next";
import { initReactI18next } from "react-i18next";
import type { Language } from "./languages";
import { loadedLanguage } from "./resources";

/**
 * An i18next instance for one language with its strings already in hand, ready at once (no
 * loading step), so the server's render and the browser's hydration read the same strings.
 * One per request on the server (languages differ between requests), one per language in the
 * browser.
 *
 * @example
 * const i18n = createI18n("de", await loadLanguage("de"));
 * i18n.t("common:nav.markets"); // "Märkte"
 */
export function createI18n(language: Language, strings: ResourceLanguage): i18n {
  const instance = createInstance();
  instance.use(initReactI18next).init({
    lng: language,
    fallbackLng: false,
    resources: { [language]: strings },
    ns: Object.keys(strings),
    defaultNS: "common",
    initAsync: false,
    // React escapes what it renders; escaping here too would show "&amp;".
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
    returnNull: false,
  });
  return instance;
}

// An instance per language, made once: its language never changes and t() only reads, so
// concurrent requests on the server can share it.
const instances = new Map<Language, i18n>();

/**
 * The shared instance of a language whose strings are loaded, else undefined.
 *
 * @example
 * i18nFor("de")?.t("common:nav.markets"); // "Märkte"
 */
export function i18nFor(language: Language): i18n | undefined {
  const cached = instances.get(language);
  if (cached) return cached;
  const strings = loadedLanguage(language);
  if (!strings) return undefined;
  const made = createI18n(language, strings);
  instances.set(language, made);
  return made;
}
