import type { AppLoadContext } from "react-router";
import {
  type FieldOfReason,
  type FormRefusal,
  type Refusal,
  readRefusal,
  toFormRefusal,
} from "./refusal";

/**
 * A procedure's refusal, called from an action: failures that are not the caller's (internal
 * errors, an exchange that is down) are rethrown to the error boundary.
 */
export function readActionRefusal(context: AppLoadContext, error: unknown): Refusal {
  const refusal = readRefusal(context.formatError(error));
  if (refusal.code === "INTERNAL_SERVER_ERROR" || refusal.code === "SERVICE_UNAVAILABLE") {
    throw error;
  }
  return refusal;
}

/**
 * A procedure's refusal as Conform's form errors, placed by `data.fieldErrors`, `data.field` or
 * the form's own `fieldOfReason` (see `toFormRefusal`).
 *
 * @example
 * catch (error) {
 *   return data(submission.reply(refuseForm(context, error, { INVALID_CODE: "code" })), 400);
 * }
 */
export function refuseForm(
  context: AppLoadContext,
  error: unknown,
  fieldOfReason?: FieldOfReason,
): FormRefusal {
  return toFormRefusal(readActionRefusal(context, error), fieldOfReason);
}

/** True when a procedure refused because the caller is not signed in. */
export function isUnauthorized(context: AppLoadContext, error: unknown): boolean {
  return context.formatError(error).data.code === "UNAUTHORIZED";
}
