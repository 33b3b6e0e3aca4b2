import type { TFunction } from "i18next";
import { i18nFor } from "./instance";
import { DEFAULT_LANGUAGE, isLanguage } from "./languages";

interface MetaMatch {
  id: string;
  loaderData?: unknown;
}

/**
 * The `t` of the page's language for a route's `meta` (which runs outside React): read from
 * the root loader's choice among `matches`.
 *
 * @example
 * export const meta: Route.MetaFunction = ({ matches }) => [
 *   { name: "description", content: metaT(matches)("description") },
 * ];
 */
export function metaT(matches: ReadonlyArray<MetaMatch | undefined>): TFunction {
  const root = matches.find((match) => match?.id === "root")?.loaderData as
    | { language?: { language?: unknown } }
    | undefined;
  const chosen = root?.language?.language;
  const language = isLanguage(chosen) ? chosen : DEFAULT_LANGUAGE;
  const instance = i18nFor(language) ?? i18nFor(DEFAULT_LANGUAGE);
  if (!instance) throw new Error("The page's strings are not loaded");
  return instance.t;
}

/**
 * A page's <title>: its name, then the site's.
 *
 * @example
 * export const meta: Route.MetaFunction = ({ matches }) => [
 *   { title: pageTitle(matches, (t) => t("nav.wallet")) },
 * ];
 */
export function pageTitle(
  matches: ReadonlyArray<MetaMatch | undefined>,
  name: (t: TFunction) => string,
): string {
  const t = metaT(matches);
  return t("title", { page: name(t) });
}
