import { useTranslation } from "react-i18next";
import { useFetcher, useLocation, useRouteLoaderData } from "react-router";
import {
  htmlLangOf,
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
} from "~/lib/i18n/languages";
import { loadLanguage } from "~/lib/i18n/resources";
import type { loader as rootLoader } from "~/root";

/**
 * The language menu in the header: changing it loads the language's strings, then saves the
 * choice (cookie, and the account for a signed-in person) and the page re-renders in place.
 * Its name says "Language" in every language, so a person lost in one can find it.
 */
export function LanguageSwitch() {
  const { t } = useTranslation("common");
  const fetcher = useFetcher();
  const location = useLocation();
  const root = useRouteLoaderData<typeof rootLoader>("root");
  const pending = fetcher.formData?.get("language");
  const current: Language = isLanguage(pending) ? pending : (root?.language.language ?? "en");
  const choose = async (language: Language) => {
    await loadLanguage(language);
    await fetcher.submit({ language }, { method: "post", action: "/language" });
  };
  return (
    <fetcher.Form method="post" action="/language" className="flex items-center gap-1">
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <select
        name="language"
        aria-label={t("language.label")}
        value={current}
        onChange={(event) => {
          if (isLanguage(event.target.value)) void choose(event.target.value);
        }}
        className="rounded-md border border-border bg-surface px-2 py-1 text-xs"
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={htmlLangOf(language)}>
            {LANGUAGE_NAMES[language]}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="rounded px-2 py-1 text-xs underline">
          {t("language.apply")}
        </button>
      </noscript>
    </fetcher.Form>
  );
}
