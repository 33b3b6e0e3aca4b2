import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_WORDS } from "~/lib/error-words";
import { FIELD_RULE_KEYS } from "~/lib/i18n/error-text";
import { htmlLangOf, LANGUAGES } from "~/lib/i18n/languages";

const root = import.meta.dirname;
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function read(language: string, file: string): Tree {
  return JSON.parse(readFileSync(join(root, language, file), "utf8")) as Tree;
}

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [inner, text] of flatten(value, path)) out.set(inner, text);
  }
  return out;
}

/** Keys without their plural endings, each with the forms a language gives it. */
function grouped(strings: Map<string, string>): Map<string, Map<string, string>> {
  const groups = new Map<string, Map<string, string>>();
  for (const [key, text] of strings) {
    const base = key.replace(PLURAL, "");
    const form = PLURAL.exec(key)?.[1] ?? "";
    const group = groups.get(base) ?? new Map<string, string>();
    group.set(form, text);
    groups.set(base, group);
  }
  return groups;
}

/** What a string must keep in every language: its {{placeholders}} and <tags>. */
function slots(text: string): string[] {
  const placeholders = [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => `{{${m[1]}}}`);
  const tags = [...text.matchAll(/<\/?(\w+)\s*\/?>/g)].map((m) => `<${m[1]}>`);
  return [...new Set([...placeholders, ...tags])].sort();
}

const namespaces = readdirSync(join(root, "en")).filter((file) => file.endsWith(".json"));

describe("the translations", () => {
  it("has the same namespaces in every language", () => {
    for (const language of LANGUAGES) {
      const files = readdirSync(join(root, language)).filter((file) => file.endsWith(".json"));
      expect(files.sort(), language).toEqual([...namespaces].sort());
    }
  });

  for (const file of namespaces) {
    const english = grouped(flatten(read("en", file)));
    for (const language of LANGUAGES.filter((l) => l !== "en")) {
      it(`${language}/${file} has every key of English and no other, with the same placeholders`, () => {
        const translated = grouped(flatten(read(language, file)));
        expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
        for (const [key, forms] of english) {
          const expected = slots([...forms.values()].join(" "));
          for (const [form, text] of translated.get(key) ?? []) {
            // "{{count}}" may be left out where a language's form names the number in words.
            expect(slots(text), `${language} ${file} ${key}${form ? `_${form}` : ""}`).toEqual(
              expected,
            );
          }
        }
      });
    }
    for (const language of LANGUAGES) {
      it(`${language}/${file} has no empty string and every plural form the language needs`, () => {
        const strings = grouped(flatten(read(language, file)));
        const needed = new Intl.PluralRules(htmlLangOf(language)).resolvedOptions()
          .pluralCategories;
        for (const [key, forms] of strings) {
          for (const text of forms.values()) expect(text.trim(), key).not.toBe("");
          if (forms.has("")) continue;
          expect([...forms.keys()].sort(), `${language} ${key}`).toEqual([...needed].sort());
        }
      });
    }
  }

  it("says the refusals' English words exactly as the server-side table does", () => {
    expect(read("en", "errors.json").reason).toEqual(ERROR_WORDS);
  });

  it("has words for every field rule the forms can show, in English exactly the schemas' own", () => {
    const fieldRules = read("en", "errors.json").field as Tree;
    for (const [text, key] of Object.entries(FIELD_RULE_KEYS)) expect(fieldRules[key]).toBe(text);
  });
});
