import { type ErrorReason, isErrorReason } from "@cryptotrade/contract/errors";
import { wordsFor } from "./error-words";

/** What a refused call carries, read from tRPC's error shape (`message` and `data`). */
export interface Refusal {
  message: string;
  code: string | undefined;
  reason: ErrorReason | undefined;
  field: string | undefined;
  fieldErrors: Record<string, string>;
  retryAfterSeconds: number | undefined;
}

/** Where a form puts a reason the server sends without a `field` (a wrong code is its code field's). */
export type FieldOfReason = Readonly<Partial<Record<ErrorReason, string>>>;

/** A refusal as Conform takes it in `submission.reply()`: messages for the form and per field. */
export interface FormRefusal {
  formErrors: string[];
  fieldErrors: Record<string, string[]>;
}

/**
 * Reads a caught tRPC error (a `TRPCClientError` in the browser, or the shape
 * `context.formatError` gives in an action) into plain fields, trusting nothing about its type.
 */
export function readRefusal(error: unknown): Refusal {
  const failure = (error ?? {}) as { message?: unknown; data?: unknown };
  const data = (failure.data ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" ? value : undefined);
  const fieldErrors: Record<string, string> = {};
  if (data.fieldErrors && typeof data.fieldErrors === "object") {
    for (const [name, message] of Object.entries(data.fieldErrors)) {
      if (typeof message === "string") fieldErrors[name] = message;
    }
  }
  return {
    message: text(failure.message) ?? "Something went wrong",
    code: text(data.code),
    reason: isErrorReason(data.reason) ? data.reason : undefined,
    field: text(data.field),
    fieldErrors,
    retryAfterSeconds:
      typeof data.retryAfterSeconds === "number" ? data.retryAfterSeconds : undefined,
  };
}

/**
 * How many whole seconds a rate-limited caller must wait before trying again; null when the
 * refusal is not a rate limit. A limit that names no wait (never expected) still gets a second.
 *
 * @example
 * secondsToWait(readRefusal(query.error)) // 7
 */
export function secondsToWait(refusal: Refusal): number | null {
  if (refusal.reason !== "RATE_LIMITED") return null;
  return Math.max(1, Math.ceil(refusal.retryAfterSeconds ?? 1));
}

/**
 * Places a refusal on the form: zod's `fieldErrors` at their fields, else the reason's words at
 * `field` (the server's, or the one `fieldOfReason` gives for this form), else for the whole
 * form. Never reads the message to decide where it goes.
 *
 * @example
 * catch (error) {
 *   return submission.reply(toFormRefusal(readRefusal(context.formatError(error))));
 * }
 */
export function toFormRefusal(refusal: Refusal, fieldOfReason: FieldOfReason = {}): FormRefusal {
  const named = Object.entries(refusal.fieldErrors);
  if (named.length > 0) {
    return {
      formErrors: [],
      fieldErrors: Object.fromEntries(named.map(([name, message]) => [name, [message]])),
    };
  }
  const words = wordsFor(refusal.reason, refusal.message);
  const field = refusal.field ?? (refusal.reason ? fieldOfReason[refusal.reason] : undefined);
  return field
    ? { formErrors: [], fieldErrors: { [field]: [words] } }
    : { formErrors: [words], fieldErrors: {} };
}
