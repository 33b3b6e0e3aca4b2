import { useTranslation } from "react-i18next";
import { useFetcher, useLocation } from "react-router";
import { THEME_PREFERENCES } from "~/lib/theme";
import { useTheme } from "~/lib/use-theme";

/** Light, dark or system, saved in a cookie; on every page, in the header. */
export function ThemeSwitch() {
  const { t } = useTranslation();
  const fetcher = useFetcher();
  const location = useLocation();
  const { preference } = useTheme();
  return (
    <fetcher.Form method="post" action="/theme" className="flex">
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <fieldset className="flex rounded-md border border-border p-0.5">
        <legend className="sr-only">{t("theme.label")}</legend>
        {THEME_PREFERENCES.map((theme) => (
          <button
            key={theme}
            type="submit"
            name="theme"
            value={theme}
            aria-pressed={preference === theme}
            className="rounded px-2 py-1 text-xs text-muted aria-pressed:bg-surface-raised aria-pressed:font-semibold aria-pressed:text-text"
          >
            {t(`theme.${theme}`)}
          </button>
        ))}
      </fieldset>
    </fetcher.Form>
  );
}
