import { describe, expect, it } from "vitest";
import { acceptedLanguage, readLanguage } from "./language.server";
import { formattingLocaleFor, languageOfTag } from "./languages";

function request(headers: Record<string, string>) {
  return new Request("http://localhost/", { headers });
}

describe("the page's language", () => {
  it("is the account's choice first, then the cookie, then the browser's, then English", () => {
    const asked = request({ cookie: "ct_lang=zh", "accept-language": "de-DE,de;q=0.9" });
    expect(readLanguage(asked, "en")).toEqual({ language: "en", explicit: true });
    expect(readLanguage(asked, null)).toEqual({ language: "zh", explicit: true });
    expect(readLanguage(request({ "accept-language": "de-DE,de;q=0.9" }), null)).toEqual({
      language: "de",
      explicit: false,
    });
    expect(readLanguage(request({ "accept-language": "fr-FR" }), null)).toEqual({
      language: "en",
      explicit: false,
    });
  });

  it("ignores a cookie naming a language we do not have", () => {
    expect(readLanguage(request({ cookie: "ct_lang=fr" }), null).language).toBe("en");
  });

  it("takes the browser's languages in the order of their q-values", () => {
    expect(acceptedLanguage("fr-FR,fr;q=0.9,zh-CN;q=0.5,de;q=0.8")).toBe("de");
    expect(acceptedLanguage("de;q=0,en;q=0.1")).toBe("en");
    expect(acceptedLanguage("zh-TW,zh-Hant;q=0.9")).toBeNull();
    expect(acceptedLanguage(null)).toBeNull();
  });
});

describe("tags", () => {
  it("reads Simplified Chinese as zh, and not Traditional", () => {
    expect(languageOfTag("zh-CN")).toBe("zh");
    expect(languageOfTag("zh-Hans-SG")).toBe("zh");
    expect(languageOfTag("zh-HK")).toBeNull();
    expect(languageOfTag("de-AT")).toBe("de");
  });

  it("formats a chosen language in the browser's locale when it is of that language", () => {
    expect(formattingLocaleFor("de", "en-US")).toBe("de-DE");
    expect(formattingLocaleFor("de", "de-CH")).toBe("de-CH");
    expect(formattingLocaleFor("en", "de-DE")).toBe("en-US");
    expect(formattingLocaleFor("zh", "en-GB")).toBe("zh-CN");
  });
});
