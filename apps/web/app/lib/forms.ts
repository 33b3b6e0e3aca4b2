import { parseWithZod } from "@conform-to/zod/v4";
import type { $ZodType } from "zod/v4/core";

/** A form's schema: an object of named fields (what Conform reads a form as). */
export type FormSchema = $ZodType<unknown, Record<string, unknown>>;

/**
 * Reads a form with its schema, the same call in the browser (Conform's `onValidate`) and in
 * the action, so both refuse the same input with the same words. Values are taken as typed
 * (no coercion of "" to a missing value), so the schema's own "is required" is what is said.
 *
 * @example
 * const submission = parseForm(await request.formData(), ChangePasswordInput);
 * if (submission.status !== "success") return data(submission.reply(), 400);
 */
export function parseForm<Schema extends FormSchema>(formData: FormData, schema: Schema) {
  return parseWithZod(formData, {
    schema,
    disableAutoCoercion: true,
  });
}
