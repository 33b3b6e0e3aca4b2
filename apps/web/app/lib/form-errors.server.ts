import type { AppLoadContext } from "react-router";
import type { TrpcErrorShape } from "~/load-context";
import type { FormErrors } from "./form-errors";

/**
 * A procedure's refusal as form errors: zod's field errors at their fields, otherwise the
 * message at the field `fieldFor` names (or for the whole form). Failures that are not the
 * caller's (internal errors) are rethrown to the error boundary.
 *
 * @example
 * catch (error) { return data(toFormErrors(context, error, () => "password"), { status: 400 }); }
 */
export function toFormErrors(
  context: AppLoadContext,
  error: unknown,
  fieldFor?: (shape: TrpcErrorShape) => string | undefined,
): FormErrors {
  const shape = context.formatError(error);
  if (shape.data.code === "INTERNAL_SERVER_ERROR" || shape.data.code === "SERVICE_UNAVAILABLE") {
    throw error;
  }
  if (shape.data.fieldErrors) return { fields: shape.data.fieldErrors, form: null };
  const field = fieldFor?.(shape);
  return field
    ? { fields: { [field]: shape.message }, form: null }
    : { fields: {}, form: shape.message };
}

/** True when a procedure refused because the caller is not signed in. */
export function isUnauthorized(context: AppLoadContext, error: unknown): boolean {
  return context.formatError(error).data.code === "UNAUTHORIZED";
}
