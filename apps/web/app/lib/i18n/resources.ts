import type { ResourceLanguage } from "i18next";
import type { Language } from "./languages";

// One lazy chunk per language (its index gathers its namespaces): a page loads only the
// language it is shown in, in one request.
const bundles = import.meta.glob<ResourceLanguage>("../../locales/*/index.ts", {
  import: "strings",
});

const loaded = new Map<Language, ResourceLanguage>();

/**
 * Loads a language's strings (every namespace) once; later calls answer from memory.
 *
 * @example
 * await loadLanguage("de");
 * loadedLanguage("de"); // { common: {...}, wallet: {...}, ... }
 */
export async function loadLanguage(language: Language): Promise<ResourceLanguage> {
  const ready = loaded.get(language);
  if (ready) return ready;
  const load = bundles[`../../locales/${language}/index.ts`];
  if (!load) throw new Error(`No strings for language ${language}`);
  const resources = await load();
  loaded.set(language, resources);
  return resources;
}

/** A language's strings if `loadLanguage` has brought them, else undefined. */
export function loadedLanguage(language: Language): ResourceLanguage | undefined {
  return loaded.get(language);
}
