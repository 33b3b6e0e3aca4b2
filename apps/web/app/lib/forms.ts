import { parseWithZod } from "@conform-to/zod/v4";
import type { $ZodType } from "zod/v4/core";
import { sentence } from "./refusal";

/**
 * Reads a form with its schema, the same call in the browser (Conform's `onValidate`) and in
 * the action, so both refuse the same input with the same words. Values are taken as typed
 * (no coercion of "" to a missing value), so the schema's own "is required" is what is said.
 *
 * @example
 * const submission = parseForm(await request.formData(), ChangePasswordForm);
 * if (submission.status !== "success") return data(submission.reply(), 400);
 */
export function parseForm<Schema extends $ZodType>(formData: FormData, schema: Schema) {
  return parseWithZod(formData, {
    schema,
    disableAutoCoercion: true,
    formatError: (issues) => issues.map((issue) => sentence(issue.message)),
  });
}
