import common from "./common.json";

/** Every namespace of this language, loaded as one chunk (app/lib/i18n/resources.ts). */
export const strings = { common };
