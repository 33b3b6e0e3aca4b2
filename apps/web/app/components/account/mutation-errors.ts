import { describeUnansweredCall } from "~/lib/unanswered-call";

/** A refused call as form errors: messages per field, or one for the whole form. */
export interface CallErrors {
  fields: Record<string, string>;
  form: string | null;
}

/** No errors: the state a form starts in and returns to after a success. */
export const NO_ERRORS: CallErrors = { fields: {}, form: null };

/**
 * Places a refused call's message at the field it is about: zod's `data.fieldErrors`, a
 * message starting with a field name (`code: …`), or `fallbackField` for the codes that are
 * about what was typed (a wrong TOTP code or password is UNAUTHORIZED or BAD_REQUEST); anything
 * else (rate limits, holds) is the form's.
 */
export function readCallErrors(error: unknown, fallbackField?: string): CallErrors {
  const unanswered = describeUnansweredCall(error, "request");
  if (unanswered) return { fields: {}, form: unanswered };
  const failure = error as {
    message?: unknown;
    data?: { code?: unknown; fieldErrors?: unknown };
  } | null;
  const message = typeof failure?.message === "string" ? failure.message : "Something went wrong";
  const zodFields = failure?.data?.fieldErrors;
  if (zodFields && typeof zodFields === "object") {
    const fields: Record<string, string> = {};
    for (const [name, text] of Object.entries(zodFields as Record<string, unknown>)) {
      if (typeof text === "string") fields[name] = sentence(text);
    }
    if (Object.keys(fields).length > 0) return { fields, form: null };
  }
  const prefixed = /^([A-Za-z]+): (.+)$/s.exec(message);
  if (prefixed?.[1] && prefixed[2])
    return { fields: { [prefixed[1]]: sentence(prefixed[2]) }, form: null };
  const code = failure?.data?.code;
  if (fallbackField && (code === "UNAUTHORIZED" || code === "BAD_REQUEST")) {
    return { fields: { [fallbackField]: message }, form: null };
  }
  return { fields: {}, form: message };
}

/** The machine-readable reason a call was refused for (`data.reason`, e.g. `WRONG_PASSWORD`). */
export function reasonOf(error: unknown): string | null {
  const reason = (error as { data?: { reason?: unknown } } | null)?.data?.reason;
  return typeof reason === "string" ? reason : null;
}

/** Whether a sensitive change was refused until the person confirms access again. */
export function needsReauthentication(error: unknown): boolean {
  return reasonOf(error) === "REAUTHENTICATION_REQUIRED";
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
