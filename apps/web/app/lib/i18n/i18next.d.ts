import "i18next";
import type { strings } from "~/locales/en";

// Keys are checked against the English strings: a typo or a missing key fails typecheck.
declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "common";
    resources: typeof strings;
  }
}
