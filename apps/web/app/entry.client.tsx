import { StrictMode, startTransition } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { DEFAULT_LANGUAGE, languageOfTag } from "./lib/i18n/languages";
import { loadLanguage } from "./lib/i18n/resources";
import { NonceContext } from "./lib/nonce";

// The server's nonce, read back from a script it rendered (browsers keep it in the `nonce`
// property, hidden from attributes), so hydration renders the same nonce attributes the
// server did. Scripts that can read it already run under it.
const nonce = document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce ?? "";

// The page's language (the server wrote it into <html lang>) is loaded before hydrating, so
// the first render in the browser has the server's strings: no flash, no mismatch.
const language = languageOfTag(document.documentElement.lang) ?? DEFAULT_LANGUAGE;

void loadLanguage(language).then(() => {
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <NonceContext value={nonce}>
          <HydratedRouter />
        </NonceContext>
      </StrictMode>,
    );
  });
});
